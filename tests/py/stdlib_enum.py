from enum import Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique
import enum

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
    def describe(self):
        return '%s is %d' % (self.name, self.value)
    @classmethod
    def favorite(cls):
        return cls.GREEN

print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value, Color(2), Color['BLUE'], list(Color), len(Color))
print(Color.CRIMSON is Color.RED, Color.RED.describe(), Color.favorite(), Color.RED in Color, Color, type(Color.RED))
print(list(Color.__members__), Color.__members__['CRIMSON'], isinstance(Color.RED, Color), Color.RED == Color.RED, Color.RED != Color.GREEN, Color.RED == 1)
print(f'{Color.RED}', format(Color.BLUE, '>12'), '%s' % Color.GREEN, {Color.RED: 'r'}[Color.CRIMSON], list(reversed(Color)))
try:
    Color(7)
except ValueError as e: print('ValueError', e)
try:
    Color['PINK']
except KeyError as e: print('KeyError', e)
try:
    Color.RED < Color.GREEN
except TypeError as e: print('TypeError', e)
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e: print('ValueError', e)
try:
    class More(Color):
        PINK = 9
except TypeError as e: print('TypeError', e)

class Num(IntEnum):
    ONE = 1
    TWO = 2
print(Num.ONE, repr(Num.TWO), Num.ONE + 1, Num.TWO * 3, Num.ONE < Num.TWO, Num.ONE == 1, Num(2), sorted([Num.TWO, Num.ONE]), f'{Num.TWO}', isinstance(Num.ONE, int), str(Num.ONE))

class Shape(Enum):
    SQUARE = auto()
    CIRCLE = auto()
    TRI = 10
    HEX = auto()
print(list(Shape), [s.value for s in Shape])

class Lower(StrEnum):
    ALPHA = auto()
    BETA = 'b'
print(Lower.ALPHA, repr(Lower.ALPHA), Lower.BETA == 'b', Lower.ALPHA.upper(), f'{Lower.BETA}!', list(Lower))

class Planet(Enum):
    EARTH = (5.976e+24, 6.37814e6)
    MARS = (6.421e+23, 3.3972e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)
print(Planet.EARTH.value, Planet.EARTH.mass, round(Planet.MARS.gravity, 3), Planet((5.976e+24, 6.37814e6)))

class Ordinal(Enum):
    def __new__(cls, value, label):
        obj = object.__new__(cls)
        obj._value_ = value
        obj.label = label
        return obj
    FIRST = 1, 'first'
    SECOND = 2, 'second'
print(Ordinal(2), Ordinal.FIRST.label, Ordinal.SECOND.value)

class Missing(Enum):
    A = 'a'
    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str) and value.lower() == 'a':
            return cls.A
print(Missing('A'))

Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.BEE.value, repr(Animal))
Sizes = IntEnum('Sizes', [('S', 1), ('M', 5)])
print(list(Sizes), Sizes.M + 0)

class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RWX = 7
print(repr(Perm.R | Perm.W), str(Perm.R | Perm.W), repr(Perm(0)), str(Perm(0)), list(Perm), list(Perm.R | Perm.W), repr(~Perm.R), Perm(7), bool(Perm(0)), len(Perm), Perm.R in Perm.RWX)
print(repr(Perm.RWX & Perm.W), repr(Perm.R ^ Perm.RWX), (Perm.R | Perm.W) is Perm(6), Perm.R | Perm.W | Perm.X)
try:
    Perm(8)
except ValueError as e: print(repr(e))
class P2(IntFlag):
    A = auto()
    B = auto()
    C = auto()
print(repr(P2.A | P2.C), str(P2.A | P2.C), P2.A | 1, repr(P2(8)), repr(P2(9)), repr(P2(-1)), P2.A + 1, format(P2.B), repr(P2(0)), [m.value for m in P2])
class Auto(Flag):
    A = auto()
    B = auto()
print([m.value for m in Auto], repr(Auto.A | Auto.B))
print(Color.RED.__class__.__name__, hash(Color.RED) == hash(Color.RED), enum.EnumMeta is enum.EnumType)
import copy
print(copy.copy(Color.RED) is Color.RED, copy.deepcopy([Color.BLUE])[0] is Color.BLUE)
