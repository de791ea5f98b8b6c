"""base64 for weft: Base16/32/64 and URL-safe encodings (RFC 4648) in
pure Python."""

__all__ = ["encode", "decode", "encodebytes", "decodebytes", "b64encode", "b64decode",
           "b32encode", "b32decode", "b16encode", "b16decode", "standard_b64encode",
           "standard_b64decode", "urlsafe_b64encode", "urlsafe_b64decode"]

_B64 = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_B32 = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


class Error(ValueError):
    """binascii.Error: invalid encoded data."""


def _bytes_from_decode_data(s):
    if isinstance(s, str):
        try:
            return s.encode("ascii")
        except UnicodeEncodeError:
            raise ValueError("string argument should contain only ASCII characters")
    if isinstance(s, (bytes, bytearray)):
        return bytes(s)
    raise TypeError("argument should be a bytes-like object or ASCII string, not %r" % s.__class__.__name__)


def _to_bytes(s):
    if isinstance(s, (bytes, bytearray)):
        return bytes(s)
    raise TypeError("a bytes-like object is required, not '%s'" % type(s).__name__)


def b64encode(s, altchars=None):
    s = _to_bytes(s)
    out = bytearray()
    for i in range(0, len(s) - len(s) % 3, 3):
        n = (s[i] << 16) | (s[i + 1] << 8) | s[i + 2]
        out += bytes([_B64[n >> 18], _B64[(n >> 12) & 63], _B64[(n >> 6) & 63], _B64[n & 63]])
    rest = len(s) % 3
    if rest == 1:
        n = s[-1] << 16
        out += bytes([_B64[n >> 18], _B64[(n >> 12) & 63]]) + b"=="
    elif rest == 2:
        n = (s[-2] << 16) | (s[-1] << 8)
        out += bytes([_B64[n >> 18], _B64[(n >> 12) & 63], _B64[(n >> 6) & 63]]) + b"="
    out = bytes(out)
    if altchars is not None:
        altchars = _to_bytes(altchars)
        out = out.replace(b"+", altchars[0:1]).replace(b"/", altchars[1:2])
    return out


def b64decode(s, altchars=None, validate=False):
    s = _bytes_from_decode_data(s)
    if altchars is not None:
        altchars = _bytes_from_decode_data(altchars)
        s = s.replace(altchars[0:1], b"+").replace(altchars[1:2], b"/")
    table = {c: i for i, c in enumerate(_B64)}
    vals = []
    pad = 0
    for c in s:
        if c == 61:  # '='
            pad += 1
            continue
        if c in table:
            if pad:
                if validate:
                    raise Error("Discontinuous padding not allowed")
                pad = 0
            vals.append(table[c])
        elif validate:
            raise Error("Only base64 data is allowed")
    if len(vals) % 4 == 1:
        raise Error("Invalid base64-encoded string: number of data characters (%d) cannot be 1 more "
                    "than a multiple of 4" % len(vals))
    if len(vals) % 4 and pad < (4 - len(vals) % 4) and pad == 0 and not validate:
        raise Error("Incorrect padding")
    out = bytearray()
    for i in range(0, len(vals) - len(vals) % 4, 4):
        n = (vals[i] << 18) | (vals[i + 1] << 12) | (vals[i + 2] << 6) | vals[i + 3]
        out += bytes([n >> 16, (n >> 8) & 255, n & 255])
    rest = len(vals) % 4
    if rest == 2:
        n = (vals[-2] << 18) | (vals[-1] << 12)
        out.append(n >> 16)
    elif rest == 3:
        n = (vals[-3] << 18) | (vals[-2] << 12) | (vals[-1] << 6)
        out += bytes([n >> 16, (n >> 8) & 255])
    return bytes(out)


def standard_b64encode(s):
    return b64encode(s)


def standard_b64decode(s):
    return b64decode(s)


def urlsafe_b64encode(s):
    return b64encode(s).replace(b"+", b"-").replace(b"/", b"_")


def urlsafe_b64decode(s):
    s = _bytes_from_decode_data(s)
    return b64decode(s.replace(b"-", b"+").replace(b"_", b"/"))


def b32encode(s):
    s = _to_bytes(s)
    out = bytearray()
    for i in range(0, len(s), 5):
        chunk = s[i:i + 5]
        n = int.from_bytes(chunk + bytes(5 - len(chunk)), "big")
        enc = bytes(_B32[(n >> (35 - 5 * j)) & 31] for j in range(8))
        used = {1: 2, 2: 4, 3: 5, 4: 7, 5: 8}[len(chunk)]
        out += enc[:used] + b"=" * (8 - used)
    return bytes(out)


def b32decode(s, casefold=False, map01=None):
    s = _bytes_from_decode_data(s)
    if len(s) % 8:
        raise Error("Incorrect padding")
    if map01 is not None:
        map01 = _bytes_from_decode_data(map01)
        s = s.replace(b"0", b"O").replace(b"1", map01)
    if casefold:
        s = s.upper()
    stripped = s.rstrip(b"=")
    padchars = len(s) - len(stripped)
    table = {c: i for i, c in enumerate(_B32)}
    out = bytearray()
    for i in range(0, len(stripped), 8):
        chunk = stripped[i:i + 8]
        n = 0
        for c in chunk:
            if c not in table:
                raise Error("Non-base32 digit found")
            n = (n << 5) | table[c]
        n <<= 5 * (8 - len(chunk))
        out += n.to_bytes(5, "big")
    if padchars:
        keep = {0: 5, 1: 4, 3: 3, 4: 2, 6: 1}.get(padchars)
        if keep is None:
            raise Error("Incorrect padding")
        out = out[:len(out) - 5 + keep]
    return bytes(out)


def b16encode(s):
    return _to_bytes(s).hex().upper().encode("ascii")


def b16decode(s, casefold=False):
    s = _bytes_from_decode_data(s)
    if casefold:
        s = s.upper()
    if any(c not in b"0123456789ABCDEF" for c in s):
        raise Error("Non-base16 digit found")
    return bytes.fromhex(s.decode("ascii"))


def encodebytes(s):
    s = _to_bytes(s)
    pieces = []
    for i in range(0, len(s), 57):
        pieces.append(b64encode(s[i:i + 57]) + b"\n")
    return b"".join(pieces)


def decodebytes(s):
    return b64decode(_to_bytes(s))


def encode(input, output):
    while True:
        s = input.read(57)
        if not s:
            break
        output.write(b64encode(s) + b"\n")


def decode(input, output):
    output.write(b64decode(input.read()))
