# Attribute loads and stores remember where a name was last found in an
# instance dict; objects with other layouts, deleted and re-added
# attributes, and dicts replaced behind the instance must all still read
# and write the right entry.
class A:
    def __init__(self):
        self.x = 1
        self.y = 2

class B:
    def __init__(self):
        self.y = 20
        self.z = 30
        self.x = 10

def get_x(o):
    return o.x

def set_x(o, v):
    o.x = v

objs = [A(), B(), A(), B()]
for o in objs:
    print(get_x(o), end=" ")
print()
for i, o in enumerate(objs):
    set_x(o, i * 100)
print([get_x(o) for o in objs], [vars(o) for o in objs])

a = A()
del a.x                      # leaves a hole where x was
print(hasattr(a, "x"), vars(a))
a.x = 5                      # re-added at the end
print(get_x(a), vars(a))
a.__dict__.clear()
try:
    get_x(a)
except AttributeError as e:
    print("AttributeError:", e)
a.__dict__["x"] = "via dict"
print(get_x(a))
a.__dict__.update({"q": 1})
del a.__dict__["x"]
a.__dict__["x"] = "moved"
print(get_x(a), vars(a))

class Many:
    pass
m = Many()
for i in range(300):
    setattr(m, "a%d" % i, i)
def read_last(o):
    return o.a299 + o.a0 + o.a150
print(read_last(m), read_last(m))
delattr(m, "a150")
try:
    read_last(m)
except AttributeError as e:
    print("AttributeError:", e)

class P:
    @property
    def x(self):
        return "property"
p = P()
p.__dict__["x"] = "shadowed?"
print(get_x(p))
class Q(A):
    pass
q = Q()
print(get_x(q))
Q.x = property(lambda self: "late property")
print(get_x(q))

# Assigning __dict__ replaces the instance's attributes.
class D:
    pass
o = D()
o.y = 2
o.__dict__ = {"x": 1, "z": 3}
print(vars(o), get_x(o), hasattr(o, "y"))
set_x(o, 10)
print(get_x(o), sorted(vars(o)))
try:
    o.__dict__ = [("x", 1)]
except TypeError as e:
    print("TypeError:", e)
class AttrDict(dict):
    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.__dict__ = self
ad = AttrDict(k=5, x="from dict")
print(ad.k, get_x(ad))
