class S:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
class T(S, foo=1): pass
class A: pass
print(A.__doc__)
class I(int):
    def __invert__(self): return "inv"
    def __neg__(self): return "neg"
print(~I(1), -I(1), +I(5))
class B: pass
b = B()
b.__dict__["q"] = 5
print(b.q, vars(b))
try:
    class U(foo=2): pass
except TypeError as e:
    print(e)
