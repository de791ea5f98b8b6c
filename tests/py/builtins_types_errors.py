class MyList(list):
    def __init__(self, *a):
        super().__init__(*a)
        self.extra = 1
m = MyList([1, 2])
m.append(3)
print(m, len(m), m.extra, isinstance(m, list), type(m).__name__)
class D(dict):
    def __missing__(self, k):
        return k * 2
d = D(a=1)
print(d['a'], d['zz'], d)
class I(int):
    pass
i = I(5)
print(i, i + 1, type(i).__name__, I('12', 8))
class S(str):
    def shout(self):
        return self.upper() + "!"
print(S("hi").shout(), S("x") + "y", repr(S("q")))
class E(Exception):
    pass
try:
    raise E("boom", 2)
except E as e:
    print(e, repr(e), e.args)
class E2(ValueError):
    def __str__(self):
        return "custom"
print(str(E2("x")), repr(E2("x")))
e = OSError(2, "No such file or directory", "foo.txt")
print(type(e).__name__, e, e.errno, e.strerror, e.filename)
try:
    open("/nonexistent/file.txt")
except FileNotFoundError as e:
    print("FNF:", e, e.errno)
print(StopIteration(5).value, SystemExit(3).code, KeyError('k'), str(KeyError('k')), KeyError())
ex = ValueError()
print(repr(ex), str(ex), ex.args, ex.__cause__, ex.__context__, ex.__suppress_context__)
try:
    try:
        1/0
    except ZeroDivisionError as z:
        raise ValueError("v") from z
except ValueError as v:
    print(repr(v.__cause__), v.__suppress_context__)
d = {1: 'a', 2: 'b'}
try:
    for k in d:
        d[k + 10] = 1
except RuntimeError as r:
    print(r)
s = {1, 2}
try:
    for k in s:
        s.add(k + 10)
except RuntimeError as r:
    print(r)
l = [1, 2, 3, 4, 5, 6]
l[1:3] = ['a']
print(l)
l[::2] = [0, 0, 0]
print(l)
del l[::2]
print(l)
try:
    l[::2] = [1, 2, 3, 4]
except ValueError as e:
    print(e)
print([1, 2, 3][::-1], "abcdef"[1:5:2], (1, 2, 3)[-2:], [1, 2][5:], "héllo"[1:3])
for expr in ["[1][5]", "[].pop()", "{}.popitem()", "set().pop()", "'a' + 1", "[1] + (2,)", "len(5)", "int('z')", "'abc'.index('z')", "[1].index(2)", "(1,).index(2)", "range(3)[5]", "hash([])", "chr(-1)", "ord('ab')", "sorted([1, 'a'])", "max([])", "next(iter([]))", "1 in 'a'", "iter(5)"]:
    try:
        eval_result = None
        exec("r = " + expr)
    except Exception as ex:
        print(type(ex).__name__ + ":", ex)
