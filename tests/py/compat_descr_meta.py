class LoggedProp(property):
    def __get__(self, obj, objtype=None):
        if obj is None: return self
        print("get via subclass")
        return super().__get__(obj, objtype)
    def __set__(self, obj, value):
        print("set via subclass", value)
        super().__set__(obj, value)
class A:
    def __init__(self): self._x = 1
    @LoggedProp
    def x(self): return self._x
    @x.setter
    def x(self, v): self._x = v
a = A(); print(a.x); a.x = 5; print(a.x, type(A.__dict__["x"]).__name__)
class Meta(type):
    def __setattr__(cls, name, value):
        print("meta setattr", name, value)
        super().__setattr__(name, value)
class C(metaclass=Meta): pass
C.y = 1
print(C.y)
try: 'abc'.upper(1)
except TypeError as e: print(e)
try: [].append()
except TypeError as e: print(e)
try: "a".split(1)
except TypeError as e: print(e)
try: len()
except TypeError as e: print(e)
try: "abc".startswith()
except TypeError as e: print(e)
try: {}.get()
except TypeError as e: print(e)
