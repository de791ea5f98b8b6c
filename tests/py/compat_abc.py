from collections.abc import (Iterable, Iterator, Mapping, MutableMapping, Sequence,
                             MutableSequence, Callable, Hashable, Sized, Container,
                             Set, MutableSet, Generator, Collection, Reversible)
import collections.abc
import collections
from abc import ABC, abstractmethod, ABCMeta

def gen():
    yield 1

vals = [[1], (1,), 'ab', {1: 2}, {1}, frozenset(), 3, 2.5, None, iter([]), gen(), len, gen, range(3), b'x', bytearray(b'x')]
for abc in (Iterable, Iterator, Mapping, MutableMapping, Sequence, MutableSequence,
            Callable, Hashable, Sized, Container, Set, MutableSet, Generator, Collection, Reversible):
    print(abc.__name__, [isinstance(v, abc) for v in vals])
print(issubclass(list, Sequence), issubclass(dict, Mapping), issubclass(int, Iterable))
print(collections.abc.Mapping is Mapping, collections.abc.__name__)

class MyIt:
    def __iter__(self): return self
    def __next__(self): raise StopIteration
print(isinstance(MyIt(), Iterator), isinstance(MyIt(), Iterable), isinstance(MyIt(), Sized))

class MyMap(Mapping):
    def __init__(self, d): self._d = d
    def __getitem__(self, k): return self._d[k]
    def __iter__(self): return iter(self._d)
    def __len__(self): return len(self._d)
m = MyMap({'a': 1, 'b': 2})
print(m.get('a'), m.get('z', 0), 'a' in m, sorted(m.keys()), sorted(m.items()), sorted(m.values()), m == {'a': 1, 'b': 2})
print(isinstance(m, Mapping), isinstance(m, MutableMapping), isinstance(m, Sized))

class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def name(self): ...
try:
    Shape()
except TypeError as e:
    print(e)
class Half(Shape):
    def area(self): return 1
try:
    Half()
except TypeError as e:
    print(e)
class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
    def name(self): return 'sq'
print(Sq(3).area(), Sq(3).name(), isinstance(Sq(1), Shape), Shape.__abstractmethods__ == {'area', 'name'})

class Reg(ABC): pass
Reg.register(int)
print(isinstance(3, Reg), isinstance('x', Reg), issubclass(bool, Reg))
print(isinstance(Sq(2), ABC), type(Shape) is ABCMeta)
