class P:
    def __init__(self):
        self.x = 1
    def get(self):
        return self.x
p = P()
out = []
for i in range(3):
    out.append(p.x)
    p.x = i
out.append(p.get())
P.x = property(lambda self: "prop", lambda self, v: out.append(("set", v)))
for i in range(2):
    out.append(p.x)
    p.x = 10 + i
print(out)

class S:
    __slots__ = ("a",)
    def __init__(self): self.a = 5
s = S()
for i in range(2):
    s.a = s.a + 1
print(s.a)
try:
    s.b = 1
except AttributeError as e:
    print("AttributeError", e)

class G:
    def __getattr__(self, n): return n * 2
    def __setattr__(self, n, v): object.__setattr__(self, n, v * 3)
g = G()
for i in range(2):
    g.y = i
    print(g.y, g.zz)

class M:
    def m(self): return "method"
mm = M()
r = []
for i in range(2):
    r.append(mm.m())
    mm.m = lambda: "inst"
print(r, mm.m())
del mm.m
print(mm.m())

lst = [1, 2, 3]
t = (4, 5)
print(lst[-1], t[-2])
for k in (0, 2, -3):
    print(lst[k])
try:
    lst[3]
except IndexError as e:
    print("IndexError", e)
d = {0: "a"}
print(d[0])
class L(list):
    def __getitem__(self, i): return "sub"
print(L([1])[0])
x = None
print(x is None, x is not None, [1 for _ in range(3) if x is None])
print(1 < 2.5 < 3, 2.0 == 2, 3 >= 3.0 > 2)
class C:
    pass
c = C(); c.n = 0; c.l = [0, 0]
for i in range(5):
    c.n += i
    c.l[i % 2] += i
print(c.n, c.l)
def use():
    return len([1, 2])
print(use())
import builtins
orig = builtins.len
builtins.len = lambda x: 42
print(use())
del builtins.len
try:
    use()
except NameError as e:
    print("NameError", e)
builtins.len = orig
def f(a, b=2, *args, **kw): return (a, b, args, kw)
for i in range(2):
    print(f(1), f(1, 3), f(1, 2, 3, k=4))
class Init:
    def __init__(self, v): self.v = v
    def __repr__(self): return f"Init({self.v})"
print([Init(i) for i in range(3)])
class BadInit:
    def __init__(self): return 5
try:
    BadInit()
except TypeError as e:
    print("TypeError", e)
def gen():
    yield 1
    yield 2
print([x + 1 for x in gen()])
def unb():
    if False:
        z = 1
    return z
try:
    unb()
except UnboundLocalError as e:
    print("UnboundLocalError", e)
def dl():
    q = 1
    del q
    try:
        del q
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
dl()
print(sum(i * 0.5 for i in range(10)), 7 // 2, -7 // 2, 7 % -3, 2 ** 10, 2 ** -1, 10 / 4)
