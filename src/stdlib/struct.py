"""struct for weft: pack/unpack of C structs (byte orders @ = < > !,
codes x c b B ? h H i I l L q Q n N f d s p P) on CPython's rules: native
alignment for '@', none otherwise; the float encodings come from the
native `_struct`."""

import _struct

__all__ = ["calcsize", "pack", "pack_into", "unpack", "unpack_from",
           "iter_unpack", "Struct", "error"]


class error(Exception):
    pass


error.__module__ = "struct"

# code -> (standard size, native size/alignment, kind)
_CODES = {
    "x": (1, 1, "pad"), "c": (1, 1, "char"), "b": (1, 1, "int"),
    "B": (1, 1, "uint"), "?": (1, 1, "bool"), "h": (2, 2, "int"),
    "H": (2, 2, "uint"), "i": (4, 4, "int"), "I": (4, 4, "uint"),
    "l": (4, 8, "int"), "L": (4, 8, "uint"), "q": (8, 8, "int"),
    "Q": (8, 8, "uint"), "n": (None, 8, "int"), "N": (None, 8, "uint"),
    "f": (4, 4, "float"), "d": (8, 8, "float"), "s": (1, 1, "str"),
    "p": (1, 1, "pstr"), "P": (None, 8, "uint"),
}


def _parse(fmt):
    if isinstance(fmt, (bytes, bytearray)):
        fmt = fmt.decode("latin-1")
    if not isinstance(fmt, str):
        raise TypeError("Struct() argument 1 must be a str or bytes object, not %s"
                        % type(fmt).__name__)
    order = "@"
    i = 0
    if fmt[:1] in ("@", "=", "<", ">", "!"):
        order = fmt[0]
        i = 1
    native = order == "@"
    items = []          # (code, count, offset, size)
    offset = 0
    n = len(fmt)
    while i < n:
        ch = fmt[i]
        if ch.isspace():
            i += 1
            continue
        count = None
        if ch.isdigit():
            j = i
            while j < n and fmt[j].isdigit():
                j += 1
            count = int(fmt[i:j])
            i = j
            if i >= n:
                raise error("repeat count given without format specifier")
            ch = fmt[i]
        if ch not in _CODES:
            raise error("bad char in struct format")
        std, nat, kind = _CODES[ch]
        if not native and std is None:
            raise error("bad char in struct format")
        size = nat if native else std
        if native and kind not in ("str", "pstr", "pad", "char"):
            offset = (offset + size - 1) // size * size
        if kind in ("str", "pstr"):
            c = 1 if count is None else count
            items.append((ch, c, offset, c))
            offset += c
        elif kind == "pad":
            offset += 1 if count is None else count
        else:
            for _ in range(1 if count is None else count):
                items.append((ch, 1, offset, size))
                offset += size
        i += 1
    little = order == "<" or (order in ("@", "=") and _little_native)
    return items, offset, little


_little_native = True


_RANGE_NAMES = {"b": "byte", "B": "ubyte", "h": "short", "H": "ushort"}


def _int_range(kind, size):
    if kind == "uint":
        return 0, (1 << (8 * size)) - 1
    half = 1 << (8 * size - 1)
    return -half, half - 1


def _to_int(v):
    if isinstance(v, float) or not hasattr(type(v), "__index__"):
        raise error("required argument is not an integer")
    return v.__index__()


def _pack_item(code, count, size, v, little):
    kind = _CODES[code][2]
    order = "little" if little else "big"
    if kind in ("int", "uint"):
        v = _to_int(v)
        lo, hi = _int_range(kind, size)
        if not lo <= v <= hi:
            if size == 8 or code in "nNP" or (kind == "uint" and size == 4):
                raise error("argument out of range")
            name = _RANGE_NAMES.get(code, "'%s'" % code)
            raise error("%s format requires %d <= number <= %d" % (name, lo, hi))
        return v.to_bytes(size, order, signed=(kind == "int"))
    if kind == "bool":
        return b"\x01" if v else b"\x00"
    if kind == "float":
        if not isinstance(v, (int, float)) and not hasattr(type(v), "__float__"):
            raise error("required argument is not a float")
        return _struct.float_bits(float(v), size).to_bytes(size, order)
    if kind == "char":
        if not isinstance(v, (bytes, bytearray)) or len(v) != 1:
            raise error("char format requires a bytes object of length 1")
        return bytes(v)
    if kind == "str":
        if not isinstance(v, (bytes, bytearray)):
            raise error("argument for 's' must be a bytes object")
        return bytes(v[:count]).ljust(count, b"\x00")
    if kind == "pstr":
        if not isinstance(v, (bytes, bytearray)):
            raise error("argument for 'p' must be a bytes object")
        if count == 0:
            return b""
        data = bytes(v[:min(count - 1, 255)])
        return (bytes([len(data)]) + data).ljust(count, b"\x00")
    raise error("bad char in struct format")


def _unpack_item(code, count, size, data, little):
    kind = _CODES[code][2]
    order = "little" if little else "big"
    if kind in ("int", "uint"):
        return int.from_bytes(data, order, signed=(kind == "int"))
    if kind == "bool":
        return data != b"\x00" * len(data)
    if kind == "float":
        return _struct.bits_float(int.from_bytes(data, order), size)
    if kind == "char":
        return bytes(data)
    if kind == "str":
        return bytes(data)
    if kind == "pstr":
        if not data:
            return b""
        return bytes(data[1:1 + min(data[0], count - 1)])
    raise error("bad char in struct format")


class Struct:
    """A compiled format: pack, unpack, pack_into, unpack_from, iter_unpack."""

    def __init__(self, format):
        self._items, self.size, self._little = _parse(format)
        self.format = format.decode("latin-1") if isinstance(format, (bytes, bytearray)) else format

    def __repr__(self):
        return "Struct(%r)" % (self.format,)

    def pack(self, *values):
        if len(values) != len(self._items):
            raise error("pack expected %d items for packing (got %d)" % (len(self._items), len(values)))
        out = bytearray(self.size)
        for (code, count, off, size), v in zip(self._items, values):
            out[off:off + size] = _pack_item(code, count, size, v, self._little)
        return bytes(out)

    def pack_into(self, buffer, offset, *values):
        data = self.pack(*values)
        if offset < 0:
            offset += len(buffer)
        if offset < 0 or offset + self.size > len(buffer):
            raise error("pack_into requires a buffer of at least %d bytes for packing %d "
                        "bytes at offset %d (actual buffer size is %d)"
                        % (self.size + offset, self.size, offset, len(buffer)))
        buffer[offset:offset + self.size] = data

    def unpack(self, buffer):
        buffer = bytes(buffer)
        if len(buffer) != self.size:
            raise error("unpack requires a buffer of %d bytes" % self.size)
        return self._unpack_at(buffer, 0)

    def unpack_from(self, buffer, offset=0):
        buffer = bytes(buffer)
        if offset < 0:
            offset += len(buffer)
        if offset < 0 or len(buffer) - offset < self.size:
            raise error("unpack_from requires a buffer of at least %d bytes for unpacking %d "
                        "bytes at offset %d (actual buffer size is %d)"
                        % (self.size + offset, self.size, offset, len(buffer)))
        return self._unpack_at(buffer, offset)

    def iter_unpack(self, buffer):
        buffer = bytes(buffer)
        if self.size == 0:
            raise error("cannot iteratively unpack with a struct of length 0")
        if len(buffer) % self.size:
            raise error("iterative unpacking requires a buffer of a multiple of %d bytes" % self.size)
        for off in range(0, len(buffer), self.size):
            yield self._unpack_at(buffer, off)

    def _unpack_at(self, buffer, base):
        return tuple(_unpack_item(code, count, size, buffer[base + off:base + off + size], self._little)
                     for code, count, off, size in self._items)


_cache = {}


def _struct_for(fmt):
    s = _cache.get(fmt)
    if s is None:
        s = Struct(fmt)
        if len(_cache) > 100:
            _cache.clear()
        _cache[fmt] = s
    return s


def calcsize(format):
    return _struct_for(format).size


def pack(format, *values):
    return _struct_for(format).pack(*values)


def pack_into(format, buffer, offset, *values):
    return _struct_for(format).pack_into(buffer, offset, *values)


def unpack(format, buffer):
    return _struct_for(format).unpack(buffer)


def unpack_from(format, buffer, offset=0):
    return _struct_for(format).unpack_from(buffer, offset)


def iter_unpack(format, buffer):
    return _struct_for(format).iter_unpack(buffer)
