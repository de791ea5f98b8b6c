import itertools, collections
# more generator / iterator protocol checks
def chunks(it, n):
    it = iter(it)
    while True:
        chunk = list(itertools.islice(it, n))
        if not chunk: return
        yield chunk
print(list(chunks(range(7), 3)))
def pipeline():
    nums = (i for i in range(20))
    evens = (n for n in nums if n % 2 == 0)
    squares = map(lambda x: x * x, evens)
    return list(itertools.takewhile(lambda x: x < 150, squares))
print(pipeline())
class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0: raise StopIteration
        self.n -= 1; return self.n + 1
print(list(Countdown(3)), sum(Countdown(4)), list(zip(Countdown(2), "ab")), sorted(Countdown(3)))
def fib():
    a, b = 0, 1
    while True:
        yield a; a, b = b, a + b
print(list(itertools.islice(fib(), 10)), next(x for x in fib() if x > 100))
def echo():
    received = []
    try:
        while True:
            x = yield
            received.append(x)
    except GeneratorExit:
        print("closing with", received)
e = echo(); next(e); e.send(1); e.send(2); e.close()
g = (x for x in [1, 2]); print(list(g), list(g))
def gen_ret():
    yield 1
    return "done"
def deleg():
    r = yield from gen_ret()
    yield r
print(list(deleg()))
it = iter([1, 2, 3, 4]); print(next(it), list(zip(it, it)))
print(list(iter(lambda c=iter(range(5)): next(c), 3)))
print(dict(collections.Counter("hello").most_common()), list(reversed({"a": 1, "b": 2}.items())))
print(list(enumerate(zip("ab", "cd"), 1)), list(map(pow, [2, 3], [3, 2])), list(zip()), list(itertools.chain()))
print(any(x > 2 for x in range(5)), all(x < 10 for x in range(5)), min((x for x in []), default="empty"), max("abc", key=lambda c: -ord(c)))
def gen_exc():
    try:
        yield 1
        yield 2
    except ValueError:
        yield "handled"
    finally:
        print("gen cleanup")
g = gen_exc(); print(next(g), g.throw(ValueError), next(g, "end"))
try:
    def bad():
        yield 1
        raise StopIteration
    list(bad())
except RuntimeError as e: print("RuntimeError", e)
print([(i, j) for i in range(3) for j in range(i)], {i % 3 for i in range(10)}, {c: c.upper() for c in "ab"})
