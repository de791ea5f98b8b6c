def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "done"

print(list(countdown(5)))

def delegator():
    result = yield from countdown(3)
    print("sub returned", result)
    yield "end"
print(list(delegator()))

def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    return received

g = echo()
print(next(g), g.send("a"), g.send("b"))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)

def thrower():
    try:
        yield 1
    except ValueError as e:
        yield "caught " + str(e)
t = thrower()
print(next(t), t.throw(ValueError("boom")))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

f = fib()
print([next(f) for _ in range(12)])
print(sum(x for x in range(100) if x % 7 == 0))
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "exhausted"))
class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0: raise StopIteration
        self.n -= 1
        return self.n
print(list(Countdown(4)))
print(list(zip("abc", range(5))), list(enumerate("xy", 1)), list(map(lambda a, b: a * b, [1, 2], [3, 4])))
print(list(filter(None, [0, 1, "", "a"])), list(reversed([1, 2, 3])))
def nested():
    yield from (i * i for i in range(4))
print(list(nested()))
gen = (c for c in "ab")
print(gen.__next__(), next(gen))
