"""cmath for weft: complex-valued math (principal values, as CPython's
cmath for finite arguments): phase, polar, rect, sqrt, exp, log, log10,
the trigonometric and hyperbolic functions and their inverses."""

import math as _math

pi = _math.pi
e = _math.e
tau = _math.tau
inf = _math.inf
nan = _math.nan
infj = complex(0.0, inf)
nanj = complex(0.0, nan)


def _c(z):
    if isinstance(z, complex):
        return z
    if isinstance(z, (int, float)):
        return complex(float(z), 0.0)
    if hasattr(type(z), "__complex__"):
        return z.__complex__()
    if hasattr(type(z), "__float__") or hasattr(type(z), "__index__"):
        return complex(float(z), 0.0)
    raise TypeError("must be real number, not %s" % type(z).__name__)


def phase(z):
    z = _c(z)
    return _math.atan2(z.imag, z.real)


def polar(z):
    z = _c(z)
    return abs(z), phase(z)


def rect(r, phi):
    return complex(r * _math.cos(phi), r * _math.sin(phi))


def isfinite(z):
    z = _c(z)
    return _math.isfinite(z.real) and _math.isfinite(z.imag)


def isinf(z):
    z = _c(z)
    return _math.isinf(z.real) or _math.isinf(z.imag)


def isnan(z):
    z = _c(z)
    return _math.isnan(z.real) or _math.isnan(z.imag)


def isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0):
    a, b = _c(a), _c(b)
    if rel_tol < 0.0 or abs_tol < 0.0:
        raise ValueError("tolerances must be non-negative")
    if a == b:
        return True
    if isinf(a) or isinf(b):
        return False
    diff = abs(a - b)
    return diff <= rel_tol * abs(b) or diff <= rel_tol * abs(a) or diff <= abs_tol


def sqrt(z):
    z = _c(z)
    x, y = z.real, z.imag
    if x == 0 and y == 0:
        return complex(0.0, y)
    r = abs(z)
    s = _math.sqrt((r + abs(x)) / 2)
    if x >= 0:
        return complex(s, y / (2 * s))
    return complex(abs(y) / (2 * s), _math.copysign(s, y))


def exp(z):
    z = _c(z)
    m = _math.exp(z.real)
    return complex(m * _math.cos(z.imag), m * _math.sin(z.imag))


def log(z, base=None):
    z = _c(z)
    if z == 0:
        raise ValueError("math domain error")
    r = complex(_math.log(abs(z)), phase(z))
    if base is not None:
        r = r / log(base)
    return r


def log10(z):
    return log(z) / _math.log(10)


def sin(z):
    z = _c(z)
    return complex(_math.sin(z.real) * _math.cosh(z.imag), _math.cos(z.real) * _math.sinh(z.imag))


def cos(z):
    z = _c(z)
    return complex(_math.cos(z.real) * _math.cosh(z.imag), -_math.sin(z.real) * _math.sinh(z.imag))


def tan(z):
    return sin(z) / cos(z)


def sinh(z):
    z = _c(z)
    return complex(_math.sinh(z.real) * _math.cos(z.imag), _math.cosh(z.real) * _math.sin(z.imag))


def cosh(z):
    z = _c(z)
    return complex(_math.cosh(z.real) * _math.cos(z.imag), _math.sinh(z.real) * _math.sin(z.imag))


def tanh(z):
    return sinh(z) / cosh(z)


def asin(z):
    z = _c(z)
    # asin(z) = -i log(iz + sqrt(1 - z^2))
    w = log(complex(-z.imag, z.real) + sqrt(1 - z * z))
    return complex(w.imag, -w.real)


def acos(z):
    z = _c(z)
    return pi / 2 - asin(z)


def atan(z):
    z = _c(z)
    iz = complex(-z.imag, z.real)
    w = (log(1 - iz) - log(1 + iz)) / 2
    return complex(-w.imag, w.real)


def asinh(z):
    z = _c(z)
    return log(z + sqrt(z * z + 1))


def acosh(z):
    z = _c(z)
    return log(z + sqrt(z + 1) * sqrt(z - 1))


def atanh(z):
    z = _c(z)
    return (log(1 + z) - log(1 - z)) / 2
