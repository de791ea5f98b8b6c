class Animal:
    kind = "animal"
    count = 0

    def __init__(self, name):
        self.name = name
        Animal.count += 1

    def speak(self):
        return f"{self.name} makes a sound"

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"

class Dog(Animal):
    kind = "dog"
    def speak(self):
        return super().speak() + " (woof)"

d = Dog("rex")
print(d.speak(), d.kind, Animal.kind, Animal.count, d)
print(isinstance(d, Animal), issubclass(Dog, Animal), type(d) is Dog)

class A:
    def who(self): return "A"
class B(A):
    def who(self): return "B" + super().who()
class C(A):
    def who(self): return "C" + super().who()
class D(B, C):
    def who(self): return "D" + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])

class Vec:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o): return Vec(self.x + o.x, self.y + o.y)
    def __sub__(self, o): return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k): return Vec(self.x * k, self.y * k)
    def __rmul__(self, k): return self * k
    def __eq__(self, o): return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self): return hash((self.x, self.y))
    def __lt__(self, o): return (self.x, self.y) < (o.x, o.y)
    def __len__(self): return 2
    def __getitem__(self, i): return (self.x, self.y)[i]
    def __iter__(self):
        yield self.x
        yield self.y
    def __repr__(self): return f"Vec({self.x}, {self.y})"
    def __bool__(self): return bool(self.x or self.y)
    def __neg__(self): return Vec(-self.x, -self.y)

v = Vec(1, 2) + Vec(3, 4)
print(v, v - Vec(1, 1), v * 2, 3 * v, -v, v == Vec(4, 6), v != Vec(4, 6))
print(len(v), v[0], list(v), sorted([Vec(2, 1), Vec(1, 5)]), bool(Vec(0, 0)))
print({Vec(1, 1): "a"}[Vec(1, 1)], Vec(1, 1) in {Vec(1, 1)})
try:
    v.z = 3
except AttributeError as e:
    print("slots:", e)

class Temp:
    def __init__(self): self._c = 0
    @property
    def celsius(self): return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273: raise ValueError("too cold")
        self._c = v
    @staticmethod
    def unit(): return "C"
    @classmethod
    def make(cls): return cls()

t = Temp.make()
t.celsius = 25
print(t.celsius, Temp.unit(), t.unit())
try:
    t.celsius = -300
except ValueError as e:
    print(e)

class Dyn:
    def __getattr__(self, name): return "dyn_" + name
    def __call__(self, *a): return sum(a)
dn = Dyn()
print(dn.anything, dn(1, 2, 3), callable(dn), hasattr(dn, "x"))

class Bag:
    def __init__(self): self.items = {}
    def __setitem__(self, k, v): self.items[k] = v
    def __getitem__(self, k): return self.items[k]
    def __delitem__(self, k): del self.items[k]
    def __contains__(self, k): return k in self.items
b = Bag(); b["a"] = 1; b["b"] = 2; del b["a"]
print("a" in b, "b" in b, b["b"])

Point = type("Point", (object,), {"x": 0, "norm": lambda self: self.x * 2})
p = Point(); p.x = 21
print(Point.__name__, p.norm())

def add_hello(cls):
    cls.hello = lambda self: "hello from " + type(self).__name__
    return cls

@add_hello
class Greeter: pass
print(Greeter().hello())

class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["tag"] = name.lower()
        return super().__new__(mcls, name, bases, ns)
class Tagged(metaclass=Meta): pass
print(Tagged.tag, type(Tagged).__name__)

class MyList(list):
    def total(self): return sum(self)
ml = MyList([1, 2, 3]); ml.append(4)
print(ml.total(), len(ml), isinstance(ml, list))

class Base:
    def __init_subclass__(cls, **kw):
        cls.registered = True
class Sub(Base): pass
print(Sub.registered)
print(getattr(d, "missing", "default"), getattr(d, "name"))
setattr(d, "age", 3); print(d.age); delattr(d, "age"); print(hasattr(d, "age"))
