# Comparing self-containing or very deep containers ends in RecursionError
# (as in CPython), never in a crash.
l = []; l.append(l)
m = []; m.append(m)
try:
    print(l == m)
except RecursionError as e:
    print("RecursionError", e)
d = {}; d["x"] = d
e = {}; e["x"] = e
try:
    print(d == e)
except RecursionError as err:
    print("RecursionError", err)
print(l == l, repr(l), repr(d))
a = []
b = []
for i in range(100):
    a = [a]
    b = [b]
print(a == b, a < [a])
x = []
for i in range(100000):
    x = [x]
try:
    print(x == x[0])
except RecursionError as err:
    print("RecursionError", err)
