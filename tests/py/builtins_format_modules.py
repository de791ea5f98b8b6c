print("{} {}".format(1, 2), "{0}{1}{0}".format('a', 'b'), "{x:>5}|{y!r}".format(x=3, y='q'))
print("{:,}".format(1234567), "{:_x}".format(0xdeadbeef), "{:#b}".format(5), "{:e}".format(12345.678))
print("{:g} {:g} {:g} {:.3g}".format(1e-5, 123456789.0, 0.0001, 2.0/3))
print("{0[a]} {1.real}".format({'a': 9}, 5))
print(format(0.5, '%'), format(1234.5, ',.1f'), format(-3, '+d'), format(3, ' d'))
print("%5.2f|%-6s|%x|%o|%e|%g|%c|%%|%r" % (3.14159, 'ab', 255, 8, 1234.5, 0.00001, 65, 'z'))
print("%(a)s and %(b)d" % {'a': 'x', 'b': 3})
def f(a, b=2):
    "doc here"
    return a
print(f.__name__, f.__doc__, f.__defaults__, f.__module__, f.__qualname__)
print(len.__name__, repr(len), [].append.__name__)
import math, sys, time
print(math.sqrt(16), math.floor(2.5), math.ceil(2.1), math.factorial(20), math.gcd(12, 18), math.pi)
print(math.isqrt(10**20), math.comb(10, 3), math.perm(5, 2), math.fsum([0.1]*10), math.log(8, 2), math.hypot(3, 4))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
print(sys.version_info[:2], type(sys.argv), sys.maxsize, sys.byteorder)
print(type(time.time()), time.monotonic() >= 0)
s = {1, 2, 3}
print(s | {4}, s & {2, 3, 5}, s - {1}, sorted(s ^ {1, 9}), frozenset([1, 2]), s <= {1, 2, 3, 4})
print(b'abc', b'a\x00' + b'z', bytes([65, 66]), bytearray(b'xy'), b'hello'.decode(), 'é'.encode())
print(int('0x1f', 16), int('  -42_0 '), int('0b101', 0), float('  -inf'), float('1_0.5'), int(3.99), int(-2.5))
for bad in ['abc', '1__0', '']:
    try:
        int(bad)
    except ValueError as e:
        print(e)
try:
    float('x')
except ValueError as e:
    print(e)
print(repr(1.0), repr(-0.0), 1e22, 1.5e-7, 123456789012345.0, 2**64, -2**70, 10/3)
print(round(3.14159, 2), round(2.675, 2), round(-0.5), round(1234, -2), round(0.5), round(1.5))
print(pow(2, 10), pow(3, -1, 7), pow(2, 100, 1000), divmod(-7, 2), divmod(7.5, 2))
print(list(reversed([1, 2, 3])), list(reversed(range(5))), sorted([3, 1, 2], reverse=True), sorted(['b', 'A', 'c'], key=str.lower))
print("a b  c".split(), "a,b,,c".split(",", 1), "a b c".rsplit(None, 1), "  x  ".center(9, '*'), "42".zfill(5), "-42".zfill(5))
print("hello world".title(), "Hello".swapcase(), "abc".find("c"), "abcabc".rfind("b"), "aaa".count("a"), "x".isalpha())
print("a\nb\r\nc".splitlines(), "a\nb".splitlines(True), "tab\there".expandtabs(4), "abc".replace("b", "XX"))
print(str.maketrans("ab", "xy"), "abc".translate(str.maketrans("ab", "xy")), "prefix_x".removeprefix("prefix_"))
print(list(filter(None, [0, 1, '', 'a'])), any([0, 1]), all([]), next(iter([5])), next(iter([]), 'dflt'))
print(isinstance(True, int), issubclass(bool, (str, int)), type(3), type(None), type(len))
