# complex numbers (literals, arithmetic, repr, parsing, hashing, errors) and cmath
import cmath, math
z = 3 + 4j
print(z, repr(z), abs(z), z.real, z.imag, z.conjugate(), type(z).__name__, isinstance(z, complex))
print(2j, -2j, 1j * 1j, (1 + 2j) * (3 - 1j), (1 + 2j) / (3 - 4j), z ** 2, 2 ** (1j), (1 + 1j) ** 0.5, z - 1, 1 - z, 2 * z, z / 2)
print(complex(1, 2), complex("1+2j"), complex("3"), complex("-1.5e2-2j"), complex(" (2j) "), complex(), complex(2.5), complex(1, 2) == complex("1+2j"))
print(complex(0, 0), complex(-0.0, 1), complex(1, -0.0), complex(float("inf"), float("nan")), 1e20j, 1.5j + 0.5, 0j, -0j)
print(z == 3 + 4j, (1 + 0j) == 1, hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5), {1 + 2j: "a"}[complex(1, 2)], bool(0j), bool(1j))
print(cmath.sqrt(-1), cmath.sqrt(4), cmath.phase(-1), cmath.polar(1j), cmath.rect(2, 0), cmath.exp(1j * math.pi).real, cmath.isclose(cmath.exp(1j * math.pi), -1))
print(round(cmath.log(1j).imag, 12), abs(cmath.sin(1 + 1j) - (1.2984575814159773 + 0.6349639147847361j)) < 1e-12, cmath.pi)
a, b, c = 1, 2, 5
d = b * b - 4 * a * c
r1 = (-b + cmath.sqrt(d)) / (2 * a); r2 = (-b - cmath.sqrt(d)) / (2 * a)
print("roots:", r1, r2)
def mandel(c, it=50):
    z = 0
    for i in range(it):
        z = z * z + c
        if abs(z) > 2: return i
    return it
for y in range(-5, 6, 2):
    print("".join("#" if mandel(complex(x / 10, y / 5)) == 50 else "." for x in range(-20, 6)))
print(f"{z}", f"{z!r}", str(z), "%s" % z, [z], f"{1.5+2.25j:.2f}", format(1j, ""), f"{z:>12}|")
try: z < 1j
except TypeError as e: print(e)
try: complex("abc")
except ValueError as e: print(e)
try: float(z)
except TypeError as e: print(e)
try: 1j / 0
except ZeroDivisionError as e: print(e)
print(sum([1j, 2, 3.5]), complex(True), -(1 + 1j), +(2j), abs(-3j), pow(1j, 2), 1j ** 2)
