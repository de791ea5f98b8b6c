import functools
from functools import reduce, partial, wraps, lru_cache, cache, total_ordering, cmp_to_key, cached_property, singledispatch
print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, [], 1))
try:
    reduce(lambda a, b: a, [])
except TypeError as e: print('TypeError', e)
def f(a, b, c=3, *, d=4): return (a, b, c, d)
p = partial(f, 1, d=10)
print(p(2), p(2, 5), p.func is f, p.args, p.keywords)
print(repr(partial(int, base=2)), partial(int, base=2)('101'))
p2 = partial(p, 7); print(p2(), p2.args)
def deco(fn):
    @wraps(fn)
    def inner(*a, **k):
        return fn(*a, **k)
    return inner
@deco
def hello(x):
    "doc of hello"
    return x * 2
print(hello.__name__, hello.__doc__, hello(4), hello.__wrapped__.__name__)
calls = []
@lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(30), len(calls), fib.cache_info())
fib.cache_clear(); print(fib.cache_info())
@lru_cache
def sq(x): return x * x
print(sq(3), sq(3), sq(4), sq.cache_info(), sq.__name__)
@lru_cache(maxsize=2)
def ident(x):
    calls.append(x); return x
calls.clear()
for x in [1, 2, 1, 3, 2, 1]: ident(x)
print(calls, ident.cache_info())
@cache
def fact(n): return 1 if n == 0 else n * fact(n - 1)
print(fact(20), fact.cache_info().hits)
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) < V(2), V(1) <= V(1), V(3) > V(2), V(2) >= V(3), V(1) != V(1))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
class C:
    def __init__(self): self.n = 0
    @cached_property
    def val(self):
        self.n += 1
        return 42
c = C(); print(c.val, c.val, c.n, 'val' in c.__dict__)
del c.val; print(c.val, c.n)
@singledispatch
def show(x): return 'obj'
@show.register(int)
def _(x): return 'int'
@show.register(list)
def _(x): return 'list'
print(show(1), show([1]), show('s'), show(True))
class M:
    def __init__(self, n): self.n = n
    @functools.partialmethod
    def meth(self, a, b): return self.n + a + b
M.add5 = functools.partialmethod(lambda self, a, b: self.n + a + b, 5)
print(M(1).add5(10))
print(fib.cache_parameters())
