# attributes of a function read through its bound method (decorator tags)
class A:
    def f(self): pass
A.f.tag = 1
a = A()
print(a.f.tag, getattr(a.f, "tag", None), a.f.__name__, a.f.__doc__, hasattr(a.f, "nope"))
def deco(fn):
    fn.marked = True
    return fn
class B:
    @deco
    def g(self): pass
print(B().g.marked, B.g.marked)
