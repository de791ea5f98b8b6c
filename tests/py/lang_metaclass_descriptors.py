import sys
class Meta(type):
    registry = []
    def __new__(m, name, bases, ns, **kw):
        cls = super().__new__(m, name, bases, ns)
        m.registry.append(name)
        return cls
    def __call__(cls, *a, **k):
        inst = super().__call__(*a, **k)
        inst.created_by_meta = True
        return inst
class Base(metaclass=Meta):
    def __init__(self, v=0): self.v = v
class Child(Base): pass
c = Child(5)
print(Meta.registry, c.v, c.created_by_meta, type(Child).__name__)
class Desc:
    def __set_name__(self, owner, name): self.name = "_" + name
    def __get__(self, obj, typ=None):
        if obj is None: return self
        return getattr(obj, self.name, "unset")
    def __set__(self, obj, value): setattr(obj, self.name, value * 2)
class UsesDesc:
    x = Desc()
u = UsesDesc()
print(u.x); u.x = 21; print(u.x, isinstance(UsesDesc.x, Desc))
class Slotted:
    __slots__ = ("a",)
s = Slotted(); s.a = 1
print(s.a, hasattr(s, "__dict__"))
def gen_fin():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("closing")
        raise
g = gen_fin(); next(g); g.close(); print("closed")
def counter():
    n = 0
    while True:
        cmd = yield n
        if cmd == "reset": n = 0
        else: n += 1
c2 = counter(); next(c2); c2.send(None); print(c2.send(None), c2.send("reset"))
try:
    g2 = (x for x in [1]); next(g2); next(g2)
except StopIteration:
    print("StopIteration from genexpr")
def raiser():
    yield 1
    raise ValueError("inside")
try:
    list(raiser())
except ValueError as e:
    print("got", e)
x = 10
def scope_test():
    x = 20
    def inner():
        nonlocal x
        x += 1
        return x
    return inner(), x
print(scope_test(), x)
print([(lambda y: y * 2)(i) for i in range(3)])
print({k: v for k, v in zip("abc", range(3)) if v})
print(*range(3), sep="-", end="!\n")
print(sys.version_info >= (3, 0), sys.version_info[:2] == (3, 11))
print("%(a)s-%(b)d" % {"a": "x", "b": 2}, "%c%c" % (72, "i"), "%.3e" % 12345.678, "%g" % 0.00001234)
print(f"{'nested {}'.format(1)}", f"{3+4=}", f"{[1,2]!s:>10}", f"{'abc'!a}")
print(round(1.23456, 3), round(1234, -2), round(-0.5), round(1.5), round(2.675, 2))
print(int.from_bytes(b"\x01\x00", "big"), (255).to_bytes(2, "little"), (1024).bit_length())
print(float("1e500"), float("-inf") < 0, 0.1 + 0.2 == 0.3, abs(-7), pow(2, 10), pow(2, -1))
print(sorted({"b": 1, "a": 2}), list(map(lambda t: t[0], sorted({"b": 1, "a": 2}.items(), key=lambda t: t[1]))))
