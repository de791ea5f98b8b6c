"""JSON (JavaScript Object Notation) encoder and decoder
(weft's pure-Python json, after CPython 3.11's json package).

weft strings cannot hold lone surrogates, so a "\\udXXX" escape that is not
part of a valid surrogate pair decodes to U+FFFD."""

__all__ = [
    'dump', 'dumps', 'load', 'loads',
    'JSONDecoder', 'JSONDecodeError', 'JSONEncoder',
]

__version__ = '2.0.9'

INFINITY = float('inf')
NAN = float('nan')

# The native accelerator (src/modules/json). Its `encode`, `decode` and
# `scanstring` return NotImplemented for anything they do not handle exactly
# as the Python code below does (including every error); the Python code
# then runs, so the accelerator changes speed only.
try:
    import _json as _c
except ImportError:
    _c = None


################################################################################
### errors
################################################################################

class JSONDecodeError(ValueError):
    """Subclass of ValueError with the following additional properties:

    msg: The unformatted error message
    doc: The JSON document being parsed
    pos: The start index of doc where parsing failed
    lineno: The line corresponding to pos
    colno: The column corresponding to pos
    """

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


################################################################################
### encoder
################################################################################

ESCAPE_DCT = {
    '\\': '\\\\',
    '"': '\\"',
    '\b': '\\b',
    '\f': '\\f',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
}
for _i in range(0x20):
    ESCAPE_DCT.setdefault(chr(_i), '\\u{0:04x}'.format(_i))
del _i


def py_encode_basestring(s):
    """Return a JSON representation of a Python string"""
    out = ['"']
    for c in s:
        e = ESCAPE_DCT.get(c)
        out.append(c if e is None else e)
    out.append('"')
    return ''.join(out)

encode_basestring = _c.encode_basestring if _c else py_encode_basestring


def py_encode_basestring_ascii(s):
    """Return an ASCII-only JSON representation of a Python string"""
    out = ['"']
    for c in s:
        if ' ' <= c <= '~':
            if c == '\\':
                out.append('\\\\')
            elif c == '"':
                out.append('\\"')
            else:
                out.append(c)
            continue
        e = ESCAPE_DCT.get(c)
        if e is not None:
            out.append(e)
            continue
        n = ord(c)
        if n < 0x10000:
            out.append('\\u{0:04x}'.format(n))
        else:
            # surrogate pair
            n -= 0x10000
            s1 = 0xd800 | ((n >> 10) & 0x3ff)
            s2 = 0xdc00 | (n & 0x3ff)
            out.append('\\u{0:04x}\\u{1:04x}'.format(s1, s2))
    out.append('"')
    return ''.join(out)

encode_basestring_ascii = (_c.encode_basestring_ascii if _c
                           else py_encode_basestring_ascii)


def _float_repr(o):
    return repr(float(o))


def _int_repr(o):
    return '%d' % o


class JSONEncoder(object):
    """Extensible JSON <https://json.org> encoder for Python data structures."""
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
            check_circular=True, allow_nan=True, sort_keys=False,
            indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        """Implement this method in a subclass such that it returns
        a serializable object for ``o``, or calls the base implementation
        (to raise a ``TypeError``)."""
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        """Return a JSON string representation of a Python data structure."""
        # This is for extremely simple cases and benchmarks.
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            else:
                return encode_basestring(o)
        if _c is not None and type(self).iterencode is JSONEncoder.iterencode:
            indent = self.indent
            if indent is not None and not isinstance(indent, str):
                indent = ' ' * indent
            text = _c.encode(o, bool(self.ensure_ascii), bool(self.allow_nan),
                             bool(self.check_circular), bool(self.sort_keys),
                             bool(self.skipkeys), indent, self.key_separator,
                             self.item_separator)
            if text is not NotImplemented:
                return text
        chunks = self.iterencode(o, _one_shot=True)
        if not isinstance(chunks, (list, tuple)):
            chunks = list(chunks)
        return ''.join(chunks)

    def iterencode(self, o, _one_shot=False):
        """Encode the given object and yield each string representation as available."""
        if self.check_circular:
            markers = {}
        else:
            markers = None
        if self.ensure_ascii:
            _encoder = encode_basestring_ascii
        else:
            _encoder = encode_basestring

        def floatstr(o, allow_nan=self.allow_nan):
            if o != o:
                text = 'NaN'
            elif o == INFINITY:
                text = 'Infinity'
            elif o == -INFINITY:
                text = '-Infinity'
            else:
                return _float_repr(o)

            if not allow_nan:
                # CPython's C encoder (used without indent) does not name
                # the value; its Python encoder (used with indent) does.
                if self.indent is None:
                    raise ValueError(
                        "Out of range float values are not JSON compliant")
                raise ValueError(
                    "Out of range float values are not JSON compliant: "
                    + repr(o))

            return text

        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        chunks = []
        _encode(o, 0, chunks, markers, self.default, _encoder, indent,
                floatstr, self.key_separator, self.item_separator,
                self.sort_keys, self.skipkeys)
        return chunks


def _encode(o, level, out, markers, _default, _encoder, _indent, _floatstr,
            _key_separator, _item_separator, _sort_keys, _skipkeys):
    if isinstance(o, str):
        out.append(_encoder(o))
    elif o is None:
        out.append('null')
    elif o is True:
        out.append('true')
    elif o is False:
        out.append('false')
    elif isinstance(o, int):
        out.append(_int_repr(o))
    elif isinstance(o, float):
        out.append(_floatstr(o))
    elif isinstance(o, (list, tuple)):
        if not o:
            out.append('[]')
            return
        if markers is not None:
            markerid = id(o)
            if markerid in markers:
                raise ValueError("Circular reference detected")
            markers[markerid] = o
        out.append('[')
        if _indent is not None:
            level += 1
            newline_indent = '\n' + _indent * level
            separator = _item_separator + newline_indent
            out.append(newline_indent)
        else:
            newline_indent = None
            separator = _item_separator
        first = True
        for value in o:
            if first:
                first = False
            else:
                out.append(separator)
            _encode(value, level, out, markers, _default, _encoder, _indent,
                    _floatstr, _key_separator, _item_separator, _sort_keys,
                    _skipkeys)
        if newline_indent is not None:
            level -= 1
            out.append('\n' + _indent * level)
        out.append(']')
        if markers is not None:
            del markers[markerid]
    elif isinstance(o, dict):
        if not o:
            out.append('{}')
            return
        if markers is not None:
            markerid = id(o)
            if markerid in markers:
                raise ValueError("Circular reference detected")
            markers[markerid] = o
        out.append('{')
        if _indent is not None:
            level += 1
            newline_indent = '\n' + _indent * level
            item_separator = _item_separator + newline_indent
            out.append(newline_indent)
        else:
            newline_indent = None
            item_separator = _item_separator
        first = True
        if _sort_keys:
            items = sorted(o.items())
        else:
            items = o.items()
        for key, value in items:
            if isinstance(key, str):
                pass
            elif isinstance(key, float):
                key = _floatstr(key)
            elif key is True:
                key = 'true'
            elif key is False:
                key = 'false'
            elif key is None:
                key = 'null'
            elif isinstance(key, int):
                key = _int_repr(key)
            elif _skipkeys:
                continue
            else:
                raise TypeError(f'keys must be str, int, float, bool or None, '
                                f'not {key.__class__.__name__}')
            if first:
                first = False
            else:
                out.append(item_separator)
            out.append(_encoder(key))
            out.append(_key_separator)
            _encode(value, level, out, markers, _default, _encoder, _indent,
                    _floatstr, _key_separator, _item_separator, _sort_keys,
                    _skipkeys)
        if newline_indent is not None:
            level -= 1
            out.append('\n' + _indent * level)
        out.append('}')
        if markers is not None:
            del markers[markerid]
    else:
        if markers is not None:
            markerid = id(o)
            if markerid in markers:
                raise ValueError("Circular reference detected")
            markers[markerid] = o
        o = _default(o)
        _encode(o, level, out, markers, _default, _encoder, _indent,
                _floatstr, _key_separator, _item_separator, _sort_keys,
                _skipkeys)
        if markers is not None:
            del markers[markerid]


################################################################################
### decoder
################################################################################

_WS = ' \t\n\r'
_DIGITS = '0123456789'

BACKSLASH = {
    '"': '"', '\\': '\\', '/': '/',
    'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
}

_CONSTANTS = {
    '-Infinity': NAN,   # replaced below
    'Infinity': INFINITY,
    'NaN': NAN,
}
_CONSTANTS['-Infinity'] = -INFINITY
_parse_constant = _CONSTANTS.__getitem__


def _skip_ws(s, end):
    n = len(s)
    while end < n and s[end] in _WS:
        end += 1
    return end


_HEXDIGITS = '0123456789abcdefABCDEF'


def _decode_uXXXX(s, pos):
    # Exactly four hex digits, as CPython's C scanner requires.
    esc = s[pos + 1:pos + 5]
    if (len(esc) == 4 and esc[0] in _HEXDIGITS and esc[1] in _HEXDIGITS
            and esc[2] in _HEXDIGITS and esc[3] in _HEXDIGITS):
        return int(esc, 16)
    msg = "Invalid \\uXXXX escape"
    raise JSONDecodeError(msg, s, pos)


def py_scanstring(s, end, strict=True):
    """Scan the string s for a JSON string. End is the index of the
    character in s after the quote that started the JSON string.
    Returns a tuple of the decoded string and the index of the character
    in s after the end quote."""
    chunks = []
    _append = chunks.append
    begin = end - 1
    n = len(s)
    while True:
        # find the next terminator: '"', '\\' or a control character
        start = end
        while end < n:
            c = s[end]
            if c == '"' or c == '\\' or c < ' ':
                break
            end += 1
        else:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        if end > start:
            _append(s[start:end])
        terminator = s[end]
        end += 1
        if terminator == '"':
            break
        elif terminator != '\\':
            if strict:
                msg = "Invalid control character at"
                raise JSONDecodeError(msg, s, end - 1)
            else:
                _append(terminator)
                continue
        try:
            esc = s[end]
        except IndexError:
            raise JSONDecodeError("Unterminated string starting at",
                                  s, begin) from None
        # If not a unicode escape sequence, must be in the lookup table
        if esc != 'u':
            try:
                char = BACKSLASH[esc]
            except KeyError:
                msg = "Invalid \\escape"
                raise JSONDecodeError(msg, s, end - 1)
            end += 1
        else:
            # Like CPython's C scanner: an escape must be followed by at
            # least one more character (the closing quote at the latest).
            if end + 5 >= n:
                raise JSONDecodeError("Invalid \\uXXXX escape", s, end)
            uni = _decode_uXXXX(s, end)
            end += 5
            if (0xd800 <= uni <= 0xdbff and end + 6 < n and
                    s[end:end + 2] == '\\u'):
                uni2 = _decode_uXXXX(s, end + 1)
                if 0xdc00 <= uni2 <= 0xdfff:
                    uni = 0x10000 + (((uni - 0xd800) << 10) | (uni2 - 0xdc00))
                    end += 6
            if 0xd800 <= uni <= 0xdfff:
                uni = 0xfffd    # weft strings cannot hold lone surrogates
            char = chr(uni)
        _append(char)
    return ''.join(chunks), end

def scanstring(s, end, strict=True):
    """Scan the string s for a JSON string (see py_scanstring)."""
    if _c is not None:
        r = _c.scanstring(s, end, strict)
        if r is not NotImplemented:
            return r
    return py_scanstring(s, end, strict)


class _Scanner:
    def __init__(self, context):
        self.strict = context.strict
        self.object_hook = context.object_hook
        self.object_pairs_hook = context.object_pairs_hook
        self.parse_float = context.parse_float
        self.parse_int = context.parse_int
        self.parse_constant = context.parse_constant
        self.memo = {}

    def __call__(self, string, idx):
        if idx < 0:
            raise ValueError('idx cannot be negative')
        try:
            return self.scan_once(string, idx)
        finally:
            self.memo.clear()

    def scan_once(self, s, idx):
        try:
            nextchar = s[idx]
        except IndexError:
            raise StopIteration(idx) from None

        if nextchar == '"':
            return scanstring(s, idx + 1, self.strict)
        elif nextchar == '{':
            return self.parse_object(s, idx + 1)
        elif nextchar == '[':
            return self.parse_array(s, idx + 1)
        elif nextchar == 'n' and s[idx:idx + 4] == 'null':
            return None, idx + 4
        elif nextchar == 't' and s[idx:idx + 4] == 'true':
            return True, idx + 4
        elif nextchar == 'f' and s[idx:idx + 5] == 'false':
            return False, idx + 5

        m = self.match_number(s, idx)
        if m is not None:
            integer, frac, exp, end = m
            if frac or exp:
                res = self.parse_float(integer + (frac or '') + (exp or ''))
            else:
                res = self.parse_int(integer)
            return res, end
        elif nextchar == 'N' and s[idx:idx + 3] == 'NaN':
            return self.parse_constant('NaN'), idx + 3
        elif nextchar == 'I' and s[idx:idx + 8] == 'Infinity':
            return self.parse_constant('Infinity'), idx + 8
        elif nextchar == '-' and s[idx:idx + 9] == '-Infinity':
            return self.parse_constant('-Infinity'), idx + 9
        else:
            raise StopIteration(idx)

    @staticmethod
    def match_number(s, idx):
        # (-?(?:0|[1-9]\d*))(\.\d+)?([eE][-+]?\d+)?
        n = len(s)
        i = idx
        if i < n and s[i] == '-':
            i += 1
        if i >= n or s[i] not in _DIGITS:
            return None
        if s[i] == '0':
            i += 1
        else:
            while i < n and s[i] in _DIGITS:
                i += 1
        integer = s[idx:i]
        frac = None
        if i + 1 < n and s[i] == '.' and s[i + 1] in _DIGITS:
            j = i + 1
            while j < n and s[j] in _DIGITS:
                j += 1
            frac = s[i:j]
            i = j
        exp = None
        if i < n and s[i] in 'eE':
            j = i + 1
            if j < n and s[j] in '+-':
                j += 1
            if j < n and s[j] in _DIGITS:
                while j < n and s[j] in _DIGITS:
                    j += 1
                exp = s[i:j]
                i = j
        return integer, frac, exp, i

    def parse_object(self, s, end):
        pairs = []
        pairs_append = pairs.append
        memo_get = self.memo.setdefault
        nextchar = s[end:end + 1]
        if nextchar != '"':
            if nextchar in _WS and nextchar:
                end = _skip_ws(s, end)
                nextchar = s[end:end + 1]
            if nextchar == '}':
                if self.object_pairs_hook is not None:
                    result = self.object_pairs_hook(pairs)
                    return result, end + 1
                pairs = {}
                if self.object_hook is not None:
                    pairs = self.object_hook(pairs)
                return pairs, end + 1
            elif nextchar != '"':
                raise JSONDecodeError(
                    "Expecting property name enclosed in double quotes", s, end)
        end += 1
        while True:
            key, end = scanstring(s, end, self.strict)
            key = memo_get(key, key)
            if s[end:end + 1] != ':':
                end = _skip_ws(s, end)
                if s[end:end + 1] != ':':
                    raise JSONDecodeError("Expecting ':' delimiter", s, end)
            end += 1
            end = _skip_ws(s, end)
            try:
                value, end = self.scan_once(s, end)
            except StopIteration as err:
                raise JSONDecodeError("Expecting value", s, err.value) from None
            pairs_append((key, value))
            end = _skip_ws(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar == '}':
                break
            elif nextchar != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
            end = _skip_ws(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar != '"':
                raise JSONDecodeError(
                    "Expecting property name enclosed in double quotes", s, end - 1)
        if self.object_pairs_hook is not None:
            result = self.object_pairs_hook(pairs)
            return result, end
        pairs = dict(pairs)
        if self.object_hook is not None:
            pairs = self.object_hook(pairs)
        return pairs, end

    def parse_array(self, s, end):
        values = []
        end = _skip_ws(s, end)
        nextchar = s[end:end + 1]
        # Look-ahead for trivial empty array
        if nextchar == ']':
            return values, end + 1
        _append = values.append
        while True:
            try:
                value, end = self.scan_once(s, end)
            except StopIteration as err:
                raise JSONDecodeError("Expecting value", s, err.value) from None
            _append(value)
            end = _skip_ws(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar == ']':
                break
            elif nextchar != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
            end = _skip_ws(s, end)
        return values, end


class JSONDecoder(object):
    """Simple JSON <https://json.org> decoder"""

    def __init__(self, *, object_hook=None, parse_float=None,
            parse_int=None, parse_constant=None, strict=True,
            object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _parse_constant
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.scan_once = _Scanner(self)

    def _native_ok(self):
        # The accelerator parses exactly what the default hooks would.
        return (_c is not None and self.object_hook is None and
                self.object_pairs_hook is None and
                self.parse_float is float and self.parse_int is int and
                self.parse_constant is _parse_constant and
                type(self.scan_once) is _Scanner)

    def decode(self, s, _w=None):
        """Return the Python representation of ``s`` (a ``str`` instance
        containing a JSON document)."""
        if (type(self).raw_decode is JSONDecoder.raw_decode and
                self._native_ok()):
            obj = _c.decode(s, bool(self.strict))
            if obj is not NotImplemented:
                return obj
        obj, end = self.raw_decode(s, idx=_skip_ws(s, 0))
        end = _skip_ws(s, end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """Decode a JSON document from ``s`` (a ``str`` beginning with
        a JSON document) and return a 2-tuple of the Python
        representation and the index in ``s`` where the document ended."""
        if self._native_ok():
            r = _c.raw_decode(s, idx, bool(self.strict))
            if r is not NotImplemented:
                return r
        try:
            obj, end = self.scan_once(s, idx)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None
        return obj, end


################################################################################
### module API
################################################################################

_default_encoder = JSONEncoder(
    skipkeys=False,
    ensure_ascii=True,
    check_circular=True,
    allow_nan=True,
    indent=None,
    separators=None,
    default=None,
)


def dump(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True,
        allow_nan=True, cls=None, indent=None, separators=None,
        default=None, sort_keys=False, **kw):
    """Serialize ``obj`` as a JSON formatted stream to ``fp`` (a
    ``.write()``-supporting file-like object)."""
    if (not skipkeys and ensure_ascii and
        check_circular and allow_nan and
        cls is None and indent is None and separators is None and
        default is None and not sort_keys and not kw):
        iterable = _default_encoder.iterencode(obj)
    else:
        if cls is None:
            cls = JSONEncoder
        iterable = cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii,
            check_circular=check_circular, allow_nan=allow_nan, indent=indent,
            separators=separators,
            default=default, sort_keys=sort_keys, **kw).iterencode(obj)
    for chunk in iterable:
        fp.write(chunk)


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True,
        allow_nan=True, cls=None, indent=None, separators=None,
        default=None, sort_keys=False, **kw):
    """Serialize ``obj`` to a JSON formatted ``str``."""
    if (not skipkeys and ensure_ascii and
        check_circular and allow_nan and
        cls is None and indent is None and separators is None and
        default is None and not sort_keys and not kw):
        return _default_encoder.encode(obj)
    if cls is None:
        cls = JSONEncoder
    return cls(
        skipkeys=skipkeys, ensure_ascii=ensure_ascii,
        check_circular=check_circular, allow_nan=allow_nan, indent=indent,
        separators=separators, default=default, sort_keys=sort_keys,
        **kw).encode(obj)


_default_decoder = JSONDecoder(object_hook=None, object_pairs_hook=None)


def load(fp, *, cls=None, object_hook=None, parse_float=None,
        parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):
    """Deserialize ``fp`` (a ``.read()``-supporting file-like object containing
    a JSON document) to a Python object."""
    return loads(fp.read(),
        cls=cls, object_hook=object_hook,
        parse_float=parse_float, parse_int=parse_int,
        parse_constant=parse_constant, object_pairs_hook=object_pairs_hook, **kw)


def loads(s, *, cls=None, object_hook=None, parse_float=None,
        parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):
    """Deserialize ``s`` (a ``str``, ``bytes`` or ``bytearray`` instance
    containing a JSON document) to a Python object."""
    if isinstance(s, str):
        if s.startswith('\ufeff'):
            raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)",
                                  s, 0)
    else:
        if not isinstance(s, (bytes, bytearray)):
            raise TypeError(f'the JSON object must be str, bytes or bytearray, '
                            f'not {s.__class__.__name__}')
        s = bytes(s).decode('utf-8')

    if (cls is None and object_hook is None and
            parse_int is None and parse_float is None and
            parse_constant is None and object_pairs_hook is None and not kw):
        return _default_decoder.decode(s)
    if cls is None:
        cls = JSONDecoder
    if object_hook is not None:
        kw['object_hook'] = object_hook
    if object_pairs_hook is not None:
        kw['object_pairs_hook'] = object_pairs_hook
    if parse_float is not None:
        kw['parse_float'] = parse_float
    if parse_int is not None:
        kw['parse_int'] = parse_int
    if parse_constant is not None:
        kw['parse_constant'] = parse_constant
    return cls(**kw).decode(s)
