"""codecs for weft: encode/decode by encoding name through str.encode and
bytes.decode (utf-8, ascii, latin-1 and what those accept), lookup,
open(), the BOM constants and escape_decode."""

import builtins as _builtins

BOM_UTF8 = b"\xef\xbb\xbf"
BOM_LE = BOM_UTF16_LE = b"\xff\xfe"
BOM_BE = BOM_UTF16_BE = b"\xfe\xff"
BOM_UTF32_LE = b"\xff\xfe\x00\x00"
BOM_UTF32_BE = b"\x00\x00\xfe\xff"
BOM = BOM_UTF16 = BOM_LE
BOM_UTF32 = BOM_UTF32_LE

_NAMES = {"utf8": "utf-8", "u8": "utf-8", "utf": "utf-8", "ascii": "ascii",
          "usascii": "ascii", "646": "ascii", "latin1": "latin-1",
          "iso88591": "latin-1", "l1": "latin-1", "8859": "latin-1", "cp819": "latin-1"}


class CodecInfo(tuple):
    def __new__(cls, encode, decode, streamreader=None, streamwriter=None,
                incrementalencoder=None, incrementaldecoder=None, name=None):
        self = tuple.__new__(cls, (encode, decode, streamreader, streamwriter))
        self.name = name
        self.encode = encode
        self.decode = decode
        return self

    def __repr__(self):
        return "<codecs.CodecInfo object for encoding %s at %#x>" % (self.name, id(self))


def _normalize(encoding):
    key = encoding.lower().replace("-", "").replace("_", "").replace(" ", "")
    if key not in _NAMES:
        raise LookupError("unknown encoding: %s" % encoding)
    return _NAMES[key]


def lookup(encoding):
    name = _normalize(encoding)

    def enc(s, errors="strict"):
        return s.encode(name, errors), len(s)

    def dec(b, errors="strict"):
        return bytes(b).decode(name, errors), len(b)
    return CodecInfo(enc, dec, name=name)


def encode(obj, encoding="utf-8", errors="strict"):
    return lookup(encoding).encode(obj, errors)[0]


def decode(obj, encoding="utf-8", errors="strict"):
    return lookup(encoding).decode(obj, errors)[0]


def getencoder(encoding):
    return lookup(encoding).encode


def getdecoder(encoding):
    return lookup(encoding).decode


def open(filename, mode="r", encoding=None, errors="strict", buffering=-1):
    if encoding is not None and "b" not in mode:
        return _builtins.open(filename, mode, buffering, encoding, errors)
    return _builtins.open(filename, mode, buffering)


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", "'": "'", '"': '"',
            "a": "\a", "b": "\b", "f": "\f", "v": "\v", "\n": ""}


def escape_decode(data, errors="strict"):
    if isinstance(data, str):
        data = data.encode("latin-1")
    out = bytearray()
    i, n = 0, len(data)
    while i < n:
        c = data[i]
        if c != 0x5C or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        e = chr(data[i + 1])
        if e in _ESCAPES:
            out += _ESCAPES[e].encode("latin-1")
            i += 2
        elif e == "x":
            out.append(int(data[i + 2:i + 4], 16))
            i += 4
        elif e in "01234567":
            j = i + 1
            while j < n and j < i + 4 and chr(data[j]) in "01234567":
                j += 1
            out.append(int(data[i + 1:j], 8) & 0xFF)
            i = j
        else:
            out += data[i:i + 2]
            i += 2
    return bytes(out), n
