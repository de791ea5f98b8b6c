class P(property):
    pass

class cached(property):
    pass

class C:
    def __init__(self):
        self._x = 1

    @P
    def x(self):
        return self._x

    @x.setter
    def x(self, v):
        self._x = v * 10

    @cached
    def y(self):
        return 42

c = C()
print(c.x, type(C.__dict__['x']).__name__, isinstance(C.__dict__['x'], property))
c.x = 5
print(c.x)
print(c.y)

class S(staticmethod):
    pass

class K(classmethod):
    pass

class D:
    @S
    def s(a):
        return a * 2

    @K
    def k(cls):
        return cls.__name__

print(D.s(4), D().s(5), D.k(), type(D.__dict__['s']).__name__)
