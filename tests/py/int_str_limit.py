# CPython's limit on int <-> decimal string conversion (4300 digits by
# default; sys.set_int_max_str_digits changes it, 0 removes it).
import sys
print(sys.get_int_max_str_digits())
big = 10 ** 5000
for f in [str, repr, lambda v: f"{v}", lambda v: f"{v:,}", lambda v: "%d" % v, lambda v: format(v, "d")]:
    try:
        f(big)
    except ValueError as e:
        print("ValueError:", e)
print(len(str(10 ** 4299)), len(str(-(10 ** 4299))), len(hex(big)), len(bin(big)) > 10000)
try:
    int("7" * 4301)
except ValueError as e:
    print("ValueError:", e)
print(int("7" * 4300) % 1000, int("f" * 5000, 16) % 1000, int("0x" + "f" * 5000, 0) % 1000)
for bad in [100, -1]:
    try:
        sys.set_int_max_str_digits(bad)
    except ValueError as e:
        print("ValueError:", e)
sys.set_int_max_str_digits(maxdigits=5001)
print(sys.get_int_max_str_digits(), len(str(big)), str(big)[:5])
sys.set_int_max_str_digits(0)
print(len(str(10 ** 20000)), int("9" * 20000) % 97)
sys.set_int_max_str_digits(640)
try:
    print(10 ** 641)
except ValueError as e:
    print("ValueError:", e)
print(10 ** 639)
