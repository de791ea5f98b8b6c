# Unpacking a non-iterable, float.hex, class __dict__ without __qualname__.
def t(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
def unpack_int():
    a, b = 5
def unpack_none():
    a, *b = None
def unpack_short():
    a, b, c = [1, 2]
t(unpack_int)
t(unpack_none)
t(unpack_short)
print((1.5).hex(), (1.0).hex(), (0.1).hex(), (-2.5).hex(), (0.0).hex(), (5e-324).hex(), float.fromhex((0.1).hex()) == 0.1)
class C:
    x = 1
    def m(self): pass
print(sorted(k for k in C.__dict__ if not k.startswith("__") or k == "__qualname__"), C.__qualname__)
class D:
    __qualname__ = "Renamed"
print(D.__qualname__, "__qualname__" in D.__dict__)
