def g(x: int, *args: str, y: float = 1.0, **kw: bool) -> str:
    pass
print(g.__annotations__)
def h(a, b): pass
print(hasattr(h, "__annotations__"))
class C:
    def m(self, v: "C") -> None: pass
print(C.m.__annotations__)
