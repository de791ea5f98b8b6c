"""The methods of the builtin `complex` type (weft): the native type
object copies them from `ComplexImpl` on first use. Values keep `_re` and
`_im` as floats; arithmetic, comparison, hashing, repr/str/format and
parsing follow CPython's complexobject.c."""

import math as _math

_HASH_IMAG = 1000003
_HASH_MODULUS = (1 << 61) - 1


def _is_real(x):
    return isinstance(x, (int, float)) and not isinstance(x, complex)


def _parts(x):
    """(re, im) of a number, or None for other types."""
    if isinstance(x, complex):
        return x._re, x._im
    if isinstance(x, (int, float)):
        return float(x), 0.0
    return None


def _fmt(x):
    if x != x:
        return "nan"
    if x in (float("inf"), float("-inf")):
        return "inf" if x > 0 else "-inf"
    s = repr(x)
    return s[:-2] if s.endswith(".0") else s


def _parse(s):
    orig = s
    s = s.strip()
    if s.startswith("(") and s.endswith(")"):
        s = s[1:-1].strip()
    s = s.replace("_", "") if "__" not in s and not s.startswith("_") and not s.endswith("_") else s
    if not s or " " in s:
        raise ValueError("complex() arg is a malformed string")
    try:
        if s[-1] in "jJ":
            body = s[:-1]
            # split at the last sign that is not an exponent's
            i = len(body) - 1
            while i > 0:
                if body[i] in "+-" and body[i - 1] not in "eE":
                    break
                i -= 1
            if i > 0:
                re_part, im_part = body[:i], body[i:]
            else:
                re_part, im_part = "", body
            if im_part in ("", "+"):
                im = 1.0
            elif im_part == "-":
                im = -1.0
            else:
                im = float(im_part)
            re = float(re_part) if re_part else 0.0
            return re, im
        return float(s), 0.0
    except ValueError:
        raise ValueError("complex() arg is a malformed string") from None


class ComplexImpl:
    def __new__(cls, real=0, imag=None):
        if isinstance(real, str):
            if imag is not None:
                raise TypeError("complex() can't take second arg if first is a string")
            re, im = _parse(real)
        else:
            if isinstance(imag, str):
                raise TypeError("complex() second arg can't be a string")
            real_is_complex = isinstance(real, complex)
            if real_is_complex:
                re, im = real._re, real._im
            elif hasattr(type(real), "__complex__") and not _is_real(real):
                c = real.__complex__()
                re, im = c._re, c._im
            elif _is_real(real) or hasattr(type(real), "__float__") or hasattr(type(real), "__index__"):
                re, im = float(real), 0.0
            else:
                raise TypeError("complex() first argument must be a string or a number, not '%s'"
                                % type(real).__name__)
            if imag is not None:
                if isinstance(imag, complex):
                    re, im = re - imag._im, im + imag._re
                elif _is_real(imag) or hasattr(type(imag), "__float__"):
                    # CPython adds only when real was complex (keeps -0.0)
                    im = im + float(imag) if real_is_complex else float(imag)
                else:
                    raise TypeError("complex() second argument must be a number, not '%s'"
                                    % type(imag).__name__)
        self = object.__new__(cls)
        object.__setattr__(self, "_re", re)
        object.__setattr__(self, "_im", im)
        return self

    def __setattr__(self, name, value):
        raise AttributeError("'complex' object attribute '%s' is read-only" % name
                             if name in ("real", "imag") else
                             "'complex' object has no attribute '%s'" % name)

    @property
    def real(self):
        return self._re

    @property
    def imag(self):
        return self._im

    def conjugate(self):
        return complex(self._re, -self._im)

    def __complex__(self):
        return self

    def __getnewargs__(self):
        return (self._re, self._im)

    def __repr__(self):
        re, im = self._re, self._im
        if re == 0 and _math.copysign(1.0, re) == 1.0:
            return _fmt(im) + "j"
        sign = "-" if im < 0 or (im == 0 and _math.copysign(1.0, im) < 0) else "+"
        if im != im:
            sign = "+"
        return "(%s%s%sj)" % (_fmt(re), sign, _fmt(abs(im)) if im == im else "nan")

    __str__ = __repr__

    def __format__(self, spec):
        if not spec:
            return str(self)
        import re as _re
        m = _re.fullmatch(r"(?:(.)?([<>^=]))?([-+ ]?)(z?)(#?)(0?)(\d*)([,_]?)(?:\.(\d+))?([eEfFgGn%]?)", spec)
        if m is None:
            raise ValueError("Invalid format specifier '%s' for object of type 'complex'" % spec)
        fill, align, sign, _z, alt, zero, width, grouping, prec, typ = m.groups()
        if zero:
            raise ValueError("Zero padding is not allowed in complex format specifier")
        if align == "=":
            raise ValueError("'=' alignment flag is not allowed in complex format specifier")
        num = sign + alt + grouping + ("." + prec if prec is not None else "") + (typ or "g")
        if not typ and prec is None:
            body = repr(self)
        else:
            re_s = format(self._re, num)
            im_s = format(self._im, "+" + num[len(sign):] if not sign else "+" + num[1:])
            body = ("(%s%sj)" % (re_s, im_s)) if (typ == "" and (self._re != 0 or _math.copysign(1.0, self._re) < 0)) \
                else (re_s + im_s + "j" if typ else "%sj" % format(self._im, num))
        return format(body, (fill or "") + (align or ">") + width)

    def __hash__(self):
        h = hash(self._re) + _HASH_IMAG * hash(self._im)
        h = (h + (1 << 63)) % (1 << 64) - (1 << 63)
        return -2 if h == -1 else h

    def __bool__(self):
        return self._re != 0 or self._im != 0

    def __eq__(self, other):
        p = _parts(other)
        if p is None:
            return NotImplemented
        if isinstance(other, int) and not isinstance(other, bool) and self._im == 0:
            return self._re == other
        return self._re == p[0] and self._im == p[1]

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def _no_order(self, other):
        return NotImplemented

    __lt__ = __le__ = __gt__ = __ge__ = _no_order

    def __pos__(self):
        return complex(self._re, self._im)

    def __neg__(self):
        return complex(-self._re, -self._im)

    def __abs__(self):
        re, im = self._re, self._im
        if re in (float("inf"), float("-inf")) or im in (float("inf"), float("-inf")):
            return float("inf")
        r = _math.hypot(re, im)
        if r == float("inf"):
            raise OverflowError("absolute value too large")
        return r

    def __add__(self, other):
        p = _parts(other)
        if p is None:
            return NotImplemented
        return complex(self._re + p[0], self._im + p[1])

    __radd__ = __add__

    def __sub__(self, other):
        p = _parts(other)
        if p is None:
            return NotImplemented
        return complex(self._re - p[0], self._im - p[1])

    def __rsub__(self, other):
        p = _parts(other)
        if p is None:
            return NotImplemented
        return complex(p[0] - self._re, p[1] - self._im)

    def __mul__(self, other):
        p = _parts(other)
        if p is None:
            return NotImplemented
        a, b = self._re, self._im
        c, d = p
        if isinstance(other, complex):
            return complex(a * c - b * d, a * d + b * c)
        return complex(a * c, b * c)

    __rmul__ = __mul__

    @staticmethod
    def _div(a, b, c, d):
        if c == 0 and d == 0:
            raise ZeroDivisionError("complex division by zero")
        if abs(c) >= abs(d):
            ratio = d / c
            denom = c + d * ratio
            return complex((a + b * ratio) / denom, (b - a * ratio) / denom)
        ratio = c / d
        denom = c * ratio + d
        return complex((a * ratio + b) / denom, (b * ratio - a) / denom)

    def __truediv__(self, other):
        p = _parts(other)
        if p is None:
            return NotImplemented
        return ComplexImpl._div(self._re, self._im, p[0], p[1])

    def __rtruediv__(self, other):
        p = _parts(other)
        if p is None:
            return NotImplemented
        return ComplexImpl._div(p[0], p[1], self._re, self._im)

    def __floordiv__(self, other):
        raise TypeError("unsupported operand type(s) for //: 'complex' and '%s'" % type(other).__name__)

    def __rfloordiv__(self, other):
        raise TypeError("unsupported operand type(s) for //: '%s' and 'complex'" % type(other).__name__)

    def __mod__(self, other):
        raise TypeError("unsupported operand type(s) for %%: 'complex' and '%s'" % type(other).__name__)

    def __rmod__(self, other):
        raise TypeError("unsupported operand type(s) for %%: '%s' and 'complex'" % type(other).__name__)

    @staticmethod
    def _pow(a, b, c, d, int_exp):
        if c == 0 and d == 0:
            return complex(1.0, 0.0)
        if a == 0 and b == 0:
            if d != 0 or c < 0:
                raise ZeroDivisionError("0.0 to a negative or complex power")
            return complex(0.0, 0.0)
        if int_exp is not None and -100 <= int_exp <= 100:
            result = complex(1.0, 0.0)
            base = complex(a, b)
            n = abs(int_exp)
            while n:
                if n & 1:
                    result = result * base
                base = base * base
                n >>= 1
            return ComplexImpl._div(1.0, 0.0, result._re, result._im) if int_exp < 0 else result
        vabs = _math.hypot(a, b)
        length = vabs ** c
        at = _math.atan2(b, a)
        phase = at * c
        if d != 0:
            length /= _math.exp(at * d)
            phase += d * _math.log(vabs)
        return complex(length * _math.cos(phase), length * _math.sin(phase))

    def __pow__(self, other, mod=None):
        if mod is not None:
            raise ValueError("complex modulo")
        p = _parts(other)
        if p is None:
            return NotImplemented
        int_exp = other if isinstance(other, int) else (int(p[0]) if p[1] == 0 and p[0] == int(p[0]) and abs(p[0]) <= 100 else None)
        return ComplexImpl._pow(self._re, self._im, p[0], p[1], int_exp)

    def __rpow__(self, other):
        p = _parts(other)
        if p is None:
            return NotImplemented
        return ComplexImpl._pow(p[0], p[1], self._re, self._im, None)

    def __reduce__(self):
        return (complex, (self._re, self._im))
