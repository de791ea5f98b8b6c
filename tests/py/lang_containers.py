l = [3, 1, 2]
l.append(5); l.extend([7, 6]); l.insert(0, 0)
print(l, l.pop(), l.pop(0), l.index(2), l.count(1))
l.sort(); print(l); l.reverse(); print(l); l.remove(5); print(l, len(l), 2 in l)
print(l + [9], l * 2, [0] * 3, l[1:3], l.copy())
t = (1, 2, 3, 2)
print(t.count(2), t.index(3), t[1:], t + (4,), len(t), (1, 2) < (1, 3))
d = {"a": 1, "b": 2}
d["c"] = 3
print(d, d.get("z"), d.get("z", 0), list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("a"), d.setdefault("e", 5), d, "b" in d, len(d))
d.update({"f": 6}, g=7); print(d)
del d["b"]; print(d, d.popitem())
print(dict(a=1, b=2), dict([("x", 1)]), dict.fromkeys("ab", 0), {**d, "z": 26})
s = {1, 2, 3}
s.add(4); s.discard(1); s.remove(2)
print(s, s | {9}, s & {3, 9}, s - {3}, s ^ {3, 10}, {1, 2} <= {1, 2, 3}, frozenset([1, 1, 2]))
print(list(range(5)), list(range(2, 10, 3)), list(range(10, 0, -2)), range(5)[2], len(range(0, 100, 7)), 5 in range(10))
nested = {"k": [1, {"z": (1, 2)}]}
print(nested, nested["k"][1]["z"][0])
print(sorted({3: "c", 1: "a", 2: "b"}.items()), list(zip(*[(1, 2), (3, 4)])))
m = [[0] * 3 for _ in range(2)]
m[0][1] = 5
print(m)
keys = list({"z": 1, "a": 2, "m": 3})
print(keys)
x = [1, 2, 3]
y = x
y.append(4)
print(x is y, x == [1, 2, 3, 4], [1, 2] == [1, 2], [1, [2]] == [1, [2]], (1, 2) == (1, 2.0))
print(hash(1) == hash(1.0), hash("a") == hash("a"), {1: "int", 1.0: "float"})
