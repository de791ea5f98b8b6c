# Attribute caches must follow run-time changes to classes.
class A:
    x = 1
    def f(self):
        return "A.f"

class B(A):
    pass

b = B()
for _ in range(3):
    print(b.x, b.f())
A.x = 2
A.f = lambda self: "new A.f"
print(b.x, b.f())
B.x = 3
print(b.x, A().x)
del B.x
print(b.x)
b.x = 10
print(b.x, B.x)
del b.x
print(b.x)

# __setattr__ / __getattr__ added after instances exist
log = []
def spy(self, name, value):
    log.append(name)
    object.__setattr__(self, name, value)
b.y = 1
B.__setattr__ = spy
b.z = 2
print(log, b.y, b.z)
del B.__setattr__
b.w = 3
print(log, b.w)
try:
    b.missing
except AttributeError as e:
    print("AttributeError", e)
B.__getattr__ = lambda self, name: "dyn " + name
print(b.missing)
del B.__getattr__

# a data descriptor added to the class wins over the instance dict
b.p = "inst"
print(b.p)
B.p = property(lambda self: "prop")
print(b.p)

# constructor fast path follows __init__ / __new__ changes
class C:
    def __init__(self, v):
        self.v = v
print(C(1).v)
def init2(self, v):
    self.v = v * 10
C.__init__ = init2
print(C(1).v)
C.__new__ = lambda cls, v: "not a C"
print(C(1))
class D(C):
    pass
print(D(2))

# globals and builtins looked up by interned name
def g():
    return len("abc"), GLOBAL
GLOBAL = 1
print(g())
GLOBAL = 2
len = lambda s: -1
print(g())
del len
print(g())

# small and large instance dicts (linear scan vs index), deletions
class E:
    pass
e = E()
for i in range(20):
    setattr(e, "a%d" % i, i)
for i in range(0, 20, 2):
    delattr(e, "a%d" % i)
print(sorted(vars(e).items())[:3], len(vars(e)), getattr(e, "a19"))
d = {}
for i in range(12):
    d["k%d" % i] = i
for i in range(10):
    del d["k%d" % i]
print(d, "k11" in d, d.get("k0"))

# list/tuple subscripts and unpacking fast paths keep their errors
xs = [1, 2, 3]
print(xs[-1], (4, 5)[1])
xs[0] = 9
print(xs)
try:
    xs[5]
except IndexError as e:
    print("IndexError", e)
try:
    xs[5] = 1
except IndexError as e:
    print("IndexError", e)
a, b2, c = xs
print(a, b2, c)
try:
    a, b2 = xs
except ValueError as e:
    print("ValueError", e)
