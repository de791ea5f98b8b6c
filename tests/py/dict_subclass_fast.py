# Dict subclasses that keep dict's own __getitem__/__setitem__ are indexed
# directly (with __missing__ on a miss); overrides anywhere in the MRO
# still win. Counter's tally loop is native. Dict iteration errors.
from collections import Counter, defaultdict, OrderedDict

class Missing(dict):
    def __missing__(self, k):
        return "missing:" + str(k)
m = Missing(a=1)
print(m["a"], m["b"], "b" in m)

class NoMissing(dict):
    pass
n = NoMissing(a=1)
try:
    n["zz"]
except KeyError as e:
    print("KeyError", e)

class Base(dict):
    def __getitem__(self, k):
        return "base:" + str(k)
class Child(Base):
    pass
print(Child(a=1)["a"])

class Loud(dict):
    def __setitem__(self, k, v):
        print("set", k, v)
        super().__setitem__(k, v * 2)
l = Loud()
l["x"] = 3
print(dict(l))

dd = defaultdict(list)
for i, w in enumerate("a b a c b a".split()):
    dd[w].append(i)
print(sorted(dd.items()), dd.default_factory)
print(Counter("abracadabra").most_common(3), Counter(x % 3 for x in range(10)))
c = Counter({"a": 2})
c.update("aab")
print(sorted(c.items()))
class LoudCounter(Counter):
    def __setitem__(self, k, v):
        super().__setitem__(k, v + 100)
print(sorted(LoudCounter("aab").items()))
class GetCounter(Counter):
    def get(self, k, default=None):
        return 10
print(sorted(GetCounter("ab").items()))
print(Counter([[1], [1]]) if False else "unhashable:", end=" ")
try:
    Counter([[1]])
except TypeError as e:
    print("TypeError:", e)
od = OrderedDict(b=1, a=2)
od["c"] = 3
print(list(od), od["a"])

d = {1: 2, 3: 4}
try:
    for k in d:
        d[k + 10] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
d = {1: 2, 3: 4}
try:
    for k in d:
        del d[k]
        d[k + 10] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
s = {1, 2}
try:
    for k in s:
        s.add(k + 10)
except RuntimeError as e:
    print("RuntimeError:", e)
print([k for k in {"x": 1, "y": 2}], [v for v in {"x": 1}.values()], [kv for kv in {"x": 1}.items()])
