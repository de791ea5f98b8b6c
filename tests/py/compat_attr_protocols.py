class Base:
    @classmethod
    def create(cls, *a): return cls(*a)
    def __init_subclass__(cls, tag="none", **kw):
        super().__init_subclass__(**kw); cls.tag = tag
class D(Base, tag="dee"):
    def __init__(self, v=0): self.v = v
    @classmethod
    def create(cls, *a):
        obj = super().create(*a); obj.made = True; return obj
d = D.create(5); print(d.v, d.made, D.tag, Base.__dict__.get("tag"))
class Tracked:
    def __setattr__(self, k, v):
        print("set", k, v); super().__setattr__(k, v)
    def __getattribute__(self, k):
        if k == "secret": return "hidden"
        return super().__getattribute__(k)
    def __delattr__(self, k):
        print("del", k); super().__delattr__(k)
t = Tracked(); t.x = 1; print(t.x, t.secret); del t.x; print(hasattr(t, "x"))
class S1:
    __slots__ = ("a",)
class S2(S1):
    __slots__ = ("b",)
s = S2(); s.a = 1; s.b = 2; print(s.a, s.b)
try: s.c = 3
except AttributeError as e: print("AE", e)
class H:
    def __init__(self, k): self.k = k
    def __eq__(self, o): return isinstance(o, H) and self.k == o.k
    def __hash__(self): return hash(self.k)
class H2(H): pass
print(len({H(1), H(1), H2(1)}), H(1) == H2(1))
class NoHash(H):
    def __eq__(self, o): return False
try: hash(NoHash(1)); print("hashable")
except TypeError as e: print(e)
class CellUser:
    def who(self): return __class__.__name__
print(CellUser().who())
d = {"a": 1, "b": 2, "c": 3}; del d["a"]; d["a"] = 4; print(d, list(d)[0])
d2 = {}; d2[1] = "x"; d2[1.0] = "y"; d2[True] = "z"; print(d2)
print({1: "a", True: "b"}, {0, False, 0.0}, [1, 1.0, True].count(1))
x = 10
def outer():
    def inner():
        global x
        x = 20
    inner()
outer(); print(x)
print(f"{'abc':*<7}|{12:#06x}|{-3.5:+.1e}|{0.000123:.2g}|{123456:.3g}|{1e21:.0f}|{2**70:e}")
print("{:.3}".format("abcdef"), "{:>+8.2f}".format(2.5), "{:^+9d}".format(7), "{:,d}".format(-1234567), "{:_x}".format(0xdeadbeef), "{:%}".format(0.5))
print(format(1e-7, "g"), format(1e16, "g"), format(123.456, ".2f"), format(0.5, ".0f"), format(1.5, ".0f"), format(2.5, ".0f"), format(-0.0, ".1f"), format(1/3, ".15g"))
print(repr(1.0), repr(1e16), repr(1.5e-300), repr(-0.0), repr(2.0**53), repr(0.1 * 3), str(1e100), 1e-5, 123456789012.0, 0.00001234)
print(int("  +42  "), int("-0x1F", 16), int("0o17", 8), int("z", 36), int(True), int(-2.9), float(" -1.5e+3 "), float("nan") != float("nan"))
print(divmod(-7.5, 2), -7.5 // 2, -7.5 % 2, 7 // -2, 7 % -2, 2 ** 0.5, (-2) ** 2, -2 ** 2, 10 ** -1, pow(-8, 1/3) if False else "")
print(round(0.125, 2), round(0.375, 2), round(-2.5), round(2.675, 2), round(1e300), round(12345.6789, -2), round(5, -1), round(15, -1), round(25, -1))
print(str(10**20), 10**20 * 1.0, int(1e20), 7 / 7, 2 ** 62, 2 ** 63, -(2 ** 63), (2**64) // 3, hex(2**64), 12345678901234567890 % 97)
print("ǅ".upper(), "ß".casefold(), "ﬁ".upper(), "İstanbul".lower(), "ΣΑΣ".lower(), "straße".title(), "hello world".title(), "they're bill's".title())
print("a\tb".expandtabs(), "x".join("abc"), "  ".isspace(), "".isspace(), "Ⅻ".isnumeric(), "½".isdigit(), "²".isdigit(), "²".isdecimal(), "ab12".isidentifier(), "1a".isidentifier())
print("abc".center(6, "*"), "abc".center(7, "*"), "%c%c" % (72, "i"), "%5.1f%%" % 99.44, "%x %o %e" % (255, 8, 1234.5), "%-6s|" % "ab", "%06.2f" % -1.5, "%+.2e" % 0.000123)
