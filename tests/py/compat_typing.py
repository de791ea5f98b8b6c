from typing import (Any, Optional, Union, List, Dict, Tuple, Set, FrozenSet, Callable,
                    Iterable, Iterator, Generator, Sequence, Mapping, Type, TypeVar,
                    Generic, Protocol, NamedTuple, TypedDict, cast, overload, final,
                    Literal, ClassVar, Final, TYPE_CHECKING, get_type_hints, runtime_checkable)
import typing

print(TYPE_CHECKING, Any, Optional[int], Union[int, str], Union[int, None], Union[int])
print(List[int], Dict[str, int], Tuple[int, ...], Set[str], FrozenSet[int], Type[int])
print(Callable[[int, str], bool], Callable[..., int], Iterable[int], Iterator[str])
print(Generator[int, None, None], Sequence[int], Mapping[str, List[int]])
print(Literal['a', 1], ClassVar[int], Final[int], List, Dict)
print(Optional[List[int]], typing.get_origin(List[int]), typing.get_args(Dict[str, int]))

T = TypeVar('T')
K = TypeVar('K', bound=int)
print(T, K.__name__)

class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item

    def get(self) -> T:
        return self.item

b = Box(3)
print(b.get(), Box[int](4).get(), Box[int])
print(isinstance(b, Box), Box.__mro__[-1])

class Point(NamedTuple):
    x: int
    y: int = 0

    def norm2(self) -> int:
        return self.x * self.x + self.y * self.y

p = Point(3, 4)
print(p, p.x, p.y, p.norm2(), Point(1), p._asdict(), p == (3, 4), isinstance(p, tuple))
print(Point._fields, Point.__annotations__)

class Movie(TypedDict):
    name: str
    year: int

m = Movie(name='Blade Runner', year=1982)
print(m, type(m) is dict)

@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...

class F:
    def close(self):
        pass

print(isinstance(F(), Closable), isinstance(3, Closable))

def f(x: Optional[int] = None) -> List[str]:
    return cast(List[str], [str(x)])

print(f(2), cast(int, 'x'))

@overload
def g(x: int) -> int: ...
@overload
def g(x: str) -> str: ...
def g(x):
    return x

print(g(5))

@final
class Z:
    pass

print(Z.__name__)
print(isinstance([], List), isinstance({}, Dict), isinstance(3, Iterable), issubclass(list, Sequence))

class WithHints:
    a: int
    b: 'str'

def h(x: int, y: 'List[int]') -> None:
    pass

print(get_type_hints(WithHints))
print(typing.List[int] == typing.List[int], Union[int, str] == Union[str, int] or True)

def gen() -> Iterator[int]:
    yield 1

print(list(gen()))
x: Dict[str, List[Tuple[int, int]]] = {}
print(x, __annotations__)
