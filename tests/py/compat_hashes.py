# Tuple and frozenset hashes match CPython's, so sets of tuples iterate in
# CPython's order; hash('') is 0.
print(hash((1, 0)), hash(()), hash((1,)), hash((1, 2, 3)), hash((-1, 2.5)), hash(((1, 2), 3)), hash((True, False)))
print(hash(frozenset()), hash(frozenset({1, 2})), hash(frozenset({(1, 2)})), hash(""), hash((("", 0),)))
print({(x, y) for x in range(4) for y in range(x)})
print({(i, i * i) for i in range(10)}, {frozenset({i}) for i in range(5)})
edges = set()
for e in [(1, 2), (2, 3), (3, 1), (2, 1)]: edges.add(e)
print(edges, sorted(edges))
d = {}
for p in [(0, 0), (1, 0), (0, 1), (-1, 0)]:
    d.setdefault(p[0], set()).add(p)
print(d)
