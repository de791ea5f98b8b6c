from __future__ import annotations
class C:
    x: Undefined = 1
    y: list[int]
def f(a: Foo | None = None) -> dict[str, Bar]:
    return a
print(C.__annotations__, f.__annotations__, f())
