# Sorting tuples (compared natively when every position holds one kind of
# int/float/str), mixed and nested keys (the general path), reverse
# stability, and tuple comparisons.
import random
random.seed(3)
rows = [(random.randrange(5), random.choice("abc"), i) for i in range(40)]
print(sorted(rows)[:8])
print(sorted(rows, reverse=True)[:8])
print(sorted(rows, key=lambda r: (r[1], -r[0]))[:6])
print(sorted(rows, key=lambda r: (r[1], r[0]), reverse=True)[:6])
print(sorted([(1, 2), (1,), (1, 2, 0), (0, 9), ()]))
print(sorted([(1.5, "b"), (1.5, "a"), (-0.0, "z"), (0.0, "y")]))
print(sorted([(1, "a"), (1.0, "b"), (True, "c")]))          # mixed kinds
print(sorted([((2, 1), 1), ((1, 2), 2), ((1, 2), 0)]))      # nested
print(sorted([(float("nan"), 1), (1.0, 2)])[1], sorted([("é", 1), ("e", 2), ("z", 0)]))
try:
    sorted([(1, "a"), ("a", 1)])
except TypeError as e:
    print("TypeError:", e)
class R:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return "R(%d)" % self.v
print(sorted([(1, R(3)), (1, R(1)), (0, R(9))]))
print((1, 2) < (1, 3), (1, 2) <= (1, 2), (2,) > (1, 9), (1, "a") == (1, "a"), (1, 2) != (1, 2.0), max([(3, "x"), (3, "y")]))
words = "the quick brown fox jumps over the lazy dog".split()
print(sorted(((len(w), w) for w in words), reverse=True))
print(sorted(enumerate("banana"), key=lambda p: (p[1], -p[0])))
