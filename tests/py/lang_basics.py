# Module-level code, arithmetic, control flow, functions.
x = 10
y = 3
print(x + y, x - y, x * y, x / y, x // y, x % y, x ** y, -x // y, -x % y)
print(2 ** 64, -(2 ** 63) - 1, 10 ** 30 // 7, (10 ** 20) % 97)
print(1.5 + 2, 7.0 / 2, 0.1 + 0.2, 1e16, 1.5e-7, 2.0 ** 0.5, 10 / 4)
print(True + True, 3 > 2 > 1, 1 < 2 > 3, 1 == 1.0, "a" < "b")
print(5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 70, -1 >> 3)

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

print(fact(25))

total = 0
for i in range(10):
    if i % 2 == 0:
        continue
    if i > 7:
        break
    total += i
else:
    print("not reached")
print("total", total)

n = 0
while n < 5:
    n += 1
else:
    print("while else", n)

for i in []:
    pass
else:
    print("for else runs on empty")

def defaults(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))

print(defaults(1, c=3))
print(defaults(1, 5, 6, 7, c=8, e=9, f=10))
args = (1, 2, 3)
kw = {"c": 5, "z": 6}
print(defaults(*args, **kw))

def pos_only(a, b, /, c):
    return a + b + c

print(pos_only(1, 2, c=3))
f = lambda a, b=1: a * b
print(f(3), f(3, 4))
print((lambda *a, **k: (a, k))(1, 2, x=3))

a, b, *rest = [1, 2, 3, 4, 5]
print(a, b, rest)
first, *middle, last = "abcdef"
print(first, middle, last)
(p, q), r = (1, 2), 3
print(p, q, r)
for i, (k, v) in enumerate({"x": 1, "y": 2}.items()):
    print(i, k, v)

if (m := len("walrus")) > 3:
    print("walrus", m)
print("yes" if m else "no", "cond" if not m else "alt")
print([1, 2, 3][::-1], "hello"[1:4], list(range(20))[2:15:3], "abc"[-1])
lst = list(range(10))
lst[2:5] = ["a", "b"]
print(lst)
del lst[0], lst[-1]
print(lst)
lst[::2] = [0] * len(lst[::2])
print(lst)
s = 0
s += 5
s -= 1
s *= 3
s //= 2
s **= 2
print(s)
d = {"k": [1]}
d["k"] += [2]
d["k"][0] += 10
print(d)
print(divmod(17, 5), divmod(-17, 5), pow(3, 4, 5), abs(-7.5), round(2.5), round(3.14159, 2))
print(min(3, 1, 2), max([4, 9, 2]), sum([1, 2, 3], 10), any([0, 1]), all([]))
