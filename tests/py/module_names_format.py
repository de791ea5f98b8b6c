# Module-level names (LoadName through the global location cache), %-format
# on machine ints and the direct str()/int()/float() conversions.
total = 0
for i in range(50):
    total = total + i          # rebinding a module global in a loop
print(total)

def bump():
    global total
    total += 1000

for i in range(3):
    bump()
    print(total)               # sees the function's store

len = lambda x: -1             # shadow a builtin at module level
print(len([1, 2, 3]))
del len                        # the builtin is visible again
print(len([1, 2, 3]))

x = 1
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)

for k in range(3):
    name = "v%d" % k
    globals()[name] = k * 10   # new keys while names are cached
print(v0, v1, v2)
globals()["v1"] = "replaced"
print(v1)

import builtins
builtins.my_builtin = "first"
print(my_builtin)
builtins.my_builtin = "second"
print(my_builtin)
my_builtin = "module"
print(my_builtin)
del my_builtin
print(my_builtin)
del builtins.my_builtin
try:
    print(my_builtin)
except NameError as e:
    print("NameError:", e)

# %-format
for fmt in ["%d", "%5d|", "%-5d|", "%05d", "%+d", "% d", "%.3d", "%i", "%u", "%x", "%o", "%#x", "%5.2d"]:
    print(repr(fmt % 42), repr(fmt % -7), repr(fmt % 0))
print("%d %d %d" % (True, 3.99, -3.99))
print("%d" % 2 ** 70, "%d" % -(2 ** 70), "%d" % (-9223372036854775807 - 1))
print("%s=%d" % ("a", 1), "%(a)d-%(b)s" % {"a": 5, "b": "x"})
print("k%d" % 7, "%d%%" % 50, "%c" % 65)
for bad in ["x", None, [1]]:
    try:
        print("%d" % bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    print("%d %d" % (1,))
except TypeError as e:
    print("TypeError:", e)

class Fmt:
    def __rmod__(self, other):
        return "rmod(" + other + ")"
try:
    print("%d" % Fmt())        # str.__mod__ goes first and fails
except TypeError as e:
    print("TypeError:", e)

class S(str):
    def __mod__(self, other):
        return "S.mod"
print(S("%d") % 3)

# conversions
print(str(5), str(-0), str(-123456789012), repr(str("abc")), str(True))
print(int(5), int(-5), float(5), float(-3), float(2 ** 53 + 1), float(9007199254740993))
print(float(1.5), int(True), float(True), str(2 ** 80), int("12"), float("1e3"))
class MyStr(str):
    pass
print(type(str(MyStr("a"))).__name__, type(MyStr(5)).__name__, MyStr(5))
class MyInt(int):
    pass
print(type(int(MyInt(3))).__name__, type(MyInt(3)).__name__)
