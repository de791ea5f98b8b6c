from typing import TypedDict, Protocol, Generic, TypeVar, Literal, Callable, overload, cast, Final, Any, Iterator, Sequence, Mapping, Union, Optional, ClassVar, NamedTuple, get_type_hints
from dataclasses import dataclass, field, InitVar, KW_ONLY, fields, is_dataclass
from enum import Enum, IntFlag, StrEnum, unique, auto
from functools import singledispatch, partialmethod, reduce
from collections.abc import Iterable, Mapping as AbcMapping, Sequence as AbcSeq, Callable as AbcCallable, Hashable, Sized
T = TypeVar("T")
class Movie(TypedDict):
    title: str
    year: int
m: Movie = {"title": "x", "year": 1}; print(m, Movie.__annotations__ if hasattr(Movie, "__annotations__") else "")
class Stack(Generic[T]):
    def __init__(self) -> None: self.items: list[T] = []
    def push(self, x: T) -> None: self.items.append(x)
s = Stack[int](); s.push(1); print(s.items, Stack.__name__)
class Greeter(Protocol):
    def greet(self) -> str: ...
def f(mode: Literal["r", "w"], cb: Callable[[int], str] = str) -> Optional[str]: return cb(1)
print(f("r"), cast(int, "x"), get_type_hints(f))
@dataclass(order=True)
class P:
    sort_key: int = field(init=False, repr=False)
    name: str
    age: int = 0
    tags: list = field(default_factory=list)
    scale: InitVar[int] = 1
    def __post_init__(self, scale): self.sort_key = self.age * scale
print(sorted([P("b", 3), P("a", 1, scale=10)]), is_dataclass(P), [f.name for f in fields(P)])
@dataclass
class K:
    a: int
    _: KW_ONLY
    b: int = 2
print(K(1, b=3))
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e: print("TypeError", e)
@dataclass(frozen=True, slots=True)
class F:
    x: int
print(F(1), hasattr(F(1), "__dict__"), F.__slots__)
class Color(StrEnum):
    RED = auto()
    GREEN = "g"
print(Color.RED, Color.RED == "red", Color.GREEN.upper(), list(Color))
class Perm(IntFlag):
    R = 4; W = 2; X = 1
print(Perm.R | Perm.W, int(Perm.R | Perm.X), Perm(6), Perm.R in Perm(5))
@unique
class Planet(Enum):
    MERCURY = (3.3e23, 2.4e6)
    EARTH = (5.97e24, 6.37e6)
    def __init__(self, mass, radius): self.mass = mass; self.radius = radius
    @property
    def gravity(self): return 6.67e-11 * self.mass / self.radius ** 2
print(Planet.EARTH.gravity, Planet.EARTH.value, Planet["MERCURY"].mass)
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e: print("ValueError", e)
@singledispatch
def show(x): return f"obj {x}"
@show.register
def _(x: int): return f"int {x}"
@show.register(list)
def _(x): return f"list {len(x)}"
print(show(1), show([1, 2]), show("s"))
class Cell:
    def __init__(self): self.v = None
    def set(self, v): self.v = v
    set_one = partialmethod(set, 1)
c = Cell(); c.set_one(); print(c.v)
print(isinstance([], Iterable), isinstance({}, AbcMapping), isinstance("s", AbcSeq), isinstance(len, AbcCallable), isinstance([], Hashable), isinstance({}, Sized), issubclass(dict, AbcMapping))
class Pt(NamedTuple):
    x: int
    y: int = 0
    def dist(self): return (self.x ** 2 + self.y ** 2) ** 0.5
print(Pt(3, 4).dist(), Pt._field_defaults, Pt(1)._replace(y=5))
print(Union[int, str], Optional[int], list[int], dict[str, int], int | None)
