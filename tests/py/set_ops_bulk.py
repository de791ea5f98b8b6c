# Set algebra on large and mixed sets (built in bulk when every element
# hashes natively), checked against CPython, including print order.
a = set(range(0, 3000, 2)); b = set(range(0, 3000, 3))
print(len(a & b), len(a | b), len(a - b), len(a ^ b), sorted(a & b)[:5])
print({5, 3, 1} | {2, 4}, {1, 2, 3} & {2, 3, 4}, {10, 20, 30} - {20})
print(set([3, 1, 2, 3, 1]), frozenset("abcab") == frozenset("cba"), set((1, 2.0, True, 2)))
print({(1, 2), (1, 2), (2, 1)} == {(2, 1), (1, 2)}, {None, 0, ""} == {"", None, 0})
class K:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v % 3)
    def __eq__(self, o):
        return isinstance(o, K) and self.v % 3 == o.v % 3
    def __repr__(self):
        return f"K({self.v})"
mixed = set([1, 2, K(4), K(7), 3, K(5)])
print(len(mixed), sorted(repr(x) for x in mixed))
try:
    set([1, [2]])
except TypeError as e:
    print("TypeError:", e)
print(sorted({-1, -2, 2 ** 70, 2 ** 70, 1.5, -0.0, 0}, key=lambda x: (float(x), str(x))))
big = set(range(100000)) - set(range(50000, 100000))
print(len(big), min(big), max(big), 49999 in big, 50000 in big)
print(set(range(20)), set(range(40, 0, -3)))
