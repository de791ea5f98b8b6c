class V:
    def __init__(self, x): self.x = x
    def __add__(self, o):
        if isinstance(o, V): return V(self.x + o.x)
        return NotImplemented
    def __radd__(self, o): return V(self.x + o)
    def __sub__(self, o): return NotImplemented
    def __getitem__(self, i):
        if i > 2: raise IndexError("no")
        return self.x * i
    def __repr__(self): return f"V({self.x})"
class W:
    def __rsub__(self, o): return "W.__rsub__"
print(V(1) + V(2), 5 + V(1), V(3)[2], list(V(2)))
try:
    V(1) + "s"
except TypeError as e:
    print(e)
print(V(1) - W())
try:
    V(1) - 3
except TypeError as e:
    print(e)
class Count:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n == 0: raise StopIteration
        self.n -= 1
        return self.n
print([x for x in Count(3)], sum(Count(4)))
for x in Count(2):
    print("loop", x)
else:
    print("else ran")
class Bad:
    def __next__(self): raise ValueError("bad next")
    def __iter__(self): return self
try:
    for _ in Bad(): pass
except ValueError as e:
    print("caught", e)
