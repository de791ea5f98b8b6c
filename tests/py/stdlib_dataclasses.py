from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, FrozenInstanceError, InitVar, make_dataclass
import dataclasses

@dataclass
class Point:
    x: int
    y: int = 0

p = Point(1, 2)
print(p, Point(5), p == Point(1, 2), p != Point(1, 3), Point.__hash__)
print([f.name for f in fields(p)], asdict(p), astuple(p), replace(p, y=9), is_dataclass(p), is_dataclass(Point), is_dataclass(3))
try:
    Point()
except TypeError as e: print('TypeError', e)
print(Point.__doc__, Point.__match_args__)

@dataclass
class Inv:
    name: str
    tags: list = field(default_factory=list)
    count: int = field(default=0, repr=False)
    secret: str = field(default='s', compare=False)
a = Inv('a'); b = Inv('a')
a.tags.append(1)
print(a, b, a.tags is b.tags, Inv('x', secret='1') == Inv('x', secret='2'))

@dataclass(order=True)
class Ver:
    major: int
    minor: int = 0
print(Ver(1, 2) < Ver(1, 3), Ver(2) > Ver(1, 9), sorted([Ver(3), Ver(1, 5), Ver(1, 2)]))

@dataclass(frozen=True)
class F:
    a: int
    b: str = 'x'
f = F(1)
try:
    f.a = 2
except FrozenInstanceError as e: print('FrozenInstanceError', e, isinstance(e, AttributeError))
print(hash(f) == hash((1, 'x')), f, {f: 1}[F(1)])

@dataclass
class Base:
    a: int
    b: int = 1
@dataclass
class Derived(Base):
    c: int = 2
    b: int = 5
print(Derived(0), [f.name for f in fields(Derived)])

@dataclass
class Post:
    a: int
    b: int = field(init=False)
    scale: InitVar[int] = 1
    def __post_init__(self, scale):
        self.b = self.a * scale
print(Post(3, 4), Post(2))

try:
    @dataclass
    class Bad:
        x: list = []
except ValueError as e: print('ValueError', e)
try:
    @dataclass
    class Bad2:
        x: int = 1
        y: int
except TypeError as e: print('TypeError', e)

@dataclass(kw_only=True)
class K:
    a: int
    b: int = 2
print(K(a=1), K(b=3, a=4))
try:
    K(1)
except TypeError as e: print('TypeError', e)

@dataclass(eq=False)
class NoEq:
    v: int
print(NoEq(1) == NoEq(1), NoEq(1))

@dataclass(unsafe_hash=True)
class UH:
    v: int
print(hash(UH(3)) == hash((3,)))

@dataclass
class Nested:
    p: Point
    ps: list
n = Nested(Point(1, 2), [Point(3, 4)])
print(asdict(n), astuple(n))
M = make_dataclass('M', [('x', int), ('y', int, field(default=5))])
print(M(1), M(1, 2) == M(1, 2))

@dataclass
class WithMethod:
    items: list = field(default_factory=list)
    def total(self): return sum(self.items)
w = WithMethod([1, 2, 3]); print(w.total(), w)
print(repr(dataclasses.MISSING.__class__.__name__), fields(Inv)[1].default_factory)
@dataclass
class Rec:
    name: str
    child: 'Rec' = None
r = Rec('a'); r.child = r; print(r)
