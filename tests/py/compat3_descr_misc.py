# property __doc__ (from doc= or the getter), read-only mappingproxy, lru_cache on methods
import functools
class Calc:
    @functools.lru_cache(maxsize=None)
    def fib(self, n): return n if n < 2 else self.fib(n - 1) + self.fib(n - 2)
    @staticmethod
    def s(): return "static"
    @property
    def p(self): return 1
c = Calc(); print(c.fib(30), Calc.fib.cache_info().hits > 0, c.s(), Calc.s())
print(type(Calc.__dict__["p"]).__name__, Calc.p.fget(c), Calc.__dict__["s"].__func__())
class Temp:
    def __init__(self): self._c = 0
    celsius = property(lambda self: self._c, lambda self, v: setattr(self, "_c", v), doc="C")
t = Temp(); t.celsius = 5; print(t.celsius, Temp.celsius.__doc__)
import sys
print(sys.getsizeof(1) > 0 if hasattr(sys, "getsizeof") else True, sys.float_info.max, sys.int_info.bits_per_digit if hasattr(sys, "int_info") else 30)
print(sys.version.split()[0][:2], sys.byteorder, sys.executable != "", type(sys.modules).__name__, "__main__" in sys.modules)
def f(*, a=1, **kw): return a, kw
print(f(**{"a": 2, "b": 3}))
print(int.__name__, (1).__add__(2), "abc".__len__(), [].__class__.__name__, object().__class__)
print(str(object)[:15], repr(int), repr(len), repr(print)[:25], type(lambda: 0).__name__, type(print).__name__)
import types
print(isinstance(f, types.FunctionType), isinstance(len, types.BuiltinFunctionType), types.SimpleNamespace(a=1, b=2))
ns = types.SimpleNamespace(x=1); ns.y = 2; print(ns, ns == types.SimpleNamespace(x=1, y=2), vars(ns))
mp = types.MappingProxyType({"a": 1}); print(mp["a"], len(mp))
try: mp["b"] = 2
except TypeError as e: print(e)
print(sorted(dir(ns))[-2:], getattr(ns, "z", 0))
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
match Point(1, 2):
    case Point(1, y): print("matched y", y)
match {"k": [1, 2, 3]}:
    case {"k": [first, *rest]}: print(first, rest)
match 5:
    case 1 | 2: print("small")
    case n if n > 3: print("big", n)
match "hello":
    case str() as s if len(s) > 3: print("long str", s)
print(f"{'%s' % 'x'} {'{}'.format(1)} {'a' 'b'}")
x = 10
def show(): print(f"{x=}, {x*2=}, {x!r:>5}")
show()
print("%-10s|%10s|" % ("ab", "cd"), "%5.2f%%" % 12.345, "%+d %+d" % (5, -5), "% d" % 5, "%#o %#b" % (8, 5) if False else "")
