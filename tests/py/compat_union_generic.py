import types
def f(x: int | None = None, y: "str | bytes" = "") -> list[int] | None: return x
print(f.__annotations__, int | str, (int | str) == (str | int), isinstance(3, int | str), isinstance(3.0, int | str), issubclass(bool, int | None))
print(int | None | str, type(int | str).__name__, (int | str).__args__, int | int, None | int)
class A: pass
print(A | None, isinstance(A(), A | int), types.UnionType)
try: int | 3
except TypeError as e: print(e)
x = list[int]; print(x, x(), x([1]), x.__origin__, x.__args__, dict[str, list[int]], tuple[int, ...], type[int], list[int] == list[int])
try: isinstance([], list[int])
except TypeError as e: print(e)
def g(a: dict[str, int]) -> set[str]: ...
print(g.__annotations__)
class MyList(list[int]): pass
print(MyList([1, 2]), MyList.__mro__)
import collections
print(collections.deque([1]), collections.OrderedDict[str, int] if False else "")
