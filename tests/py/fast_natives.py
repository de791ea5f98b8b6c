# Calls answered by a native function's allocation-free entry (list.append,
# dict.get, len, isinstance) and every case that must decline to the
# general path: subclasses, user __hash__/__eq__/__len__, metaclass
# __instancecheck__, wrong argument counts, keywords.
class L(list):
    def __len__(self):
        return 42
xs = []
for i in range(5):
    xs.append(i * i)
l = L([1])
l.append(2)
print(xs, l, len(l), len(xs), len("héllo"), len((1, 2)), len({1: 2}), len({3}), len(b"ab"), len(range(7)))
try:
    xs.append()
except TypeError as e:
    print("TypeError:", e)
try:
    xs.append(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    len(5)
except TypeError as e:
    print("TypeError:", e)
try:
    len()
except TypeError as e:
    print("TypeError:", e)
d = {"a": 1, (1, 2): "t", 3: None}
print(d.get("a"), d.get("zz"), d.get("zz", 0), d.get((1, 2)), d.get(3, "dflt"), d.get(3.0, "x"), d.get(True, "b"))
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return hash(self.v)
    def __eq__(self, o): return isinstance(o, K) and o.v == self.v
d[K(1)] = "k1"
print(d.get(K(1)), d.get(K(2), "none"), d.get(1, "int-vs-K"))
try:
    d.get([1])
except TypeError as e:
    print("TypeError:", e)
try:
    d.get()
except TypeError as e:
    print("TypeError:", e)
class D(dict):
    def get(self, k, default=None):
        return "overridden"
print(D(a=1).get("a"))
class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == 5
class M(metaclass=Meta):
    pass
print(isinstance(5, M), isinstance(6, M), isinstance(3, (str, int)), isinstance("s", (bytes, (int, str))), isinstance(L(), list), isinstance(True, int))
try:
    isinstance(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    isinstance(1)
except TypeError as e:
    print("TypeError:", e)
class Sneaky:
    @property
    def __class__(self):
        return int
print(isinstance(Sneaky(), int), isinstance(Sneaky(), Sneaky))
