"""A collection of string constants (weft's pure-Python string module).

Public module variables:

whitespace -- a string containing all ASCII whitespace
ascii_lowercase -- a string containing all ASCII lowercase letters
ascii_uppercase -- a string containing all ASCII uppercase letters
ascii_letters -- a string containing all ASCII letters
digits -- a string containing all ASCII decimal digits
hexdigits -- a string containing all ASCII hexadecimal digits
octdigits -- a string containing all ASCII octal digits
punctuation -- a string containing all ASCII punctuation characters
printable -- a string containing all ASCII characters considered printable
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

# Some strings for ctype-style character classification
whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """capwords(s [,sep]) -> string

    Split the argument into words using split, capitalize each
    word using capitalize, and join the capitalized words using
    join.  If the optional second argument sep is absent or None,
    runs of whitespace characters are replaced by a single space
    and leading and trailing whitespace are removed, otherwise
    sep is used to split and join the words.
    """
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


####################################################################
# Template: a $-substitution string without a regular-expression engine.

_sentinel_dict = {}


def _is_id_start(c):
    return c == '_' or ('a' <= c <= 'z') or ('A' <= c <= 'Z')


def _is_id_char(c):
    return _is_id_start(c) or ('0' <= c <= '9')


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None
    flags = None

    def __init__(self, template):
        self.template = template

    # Scans the template; yields ('text', s) / ('named', name, start) /
    # ('braced', name, start) / ('escaped',) / ('invalid', start) parts.
    def _scan(self):
        s = self.template
        delim = self.delimiter
        dl = len(delim)
        n = len(s)
        i = 0
        start = 0
        while True:
            j = s.find(delim, i)
            if j < 0:
                break
            k = j + dl
            if s.startswith(delim, k):
                yield ('text', s[start:j])
                yield ('escaped',)
                i = start = k + dl
                continue
            if k < n and s[k] == '{':
                m = k + 1
                if m < n and _is_id_start(s[m]):
                    e = m + 1
                    while e < n and _is_id_char(s[e]):
                        e += 1
                    if e < n and s[e] == '}':
                        yield ('text', s[start:j])
                        yield ('braced', s[m:e], j)
                        i = start = e + 1
                        continue
                yield ('text', s[start:j])
                yield ('invalid', k)
                i = start = k
                continue
            if k < n and _is_id_start(s[k]):
                e = k + 1
                while e < n and _is_id_char(s[e]):
                    e += 1
                yield ('text', s[start:j])
                yield ('named', s[k:e], j)
                i = start = e
                continue
            yield ('text', s[start:j])
            yield ('invalid', k)
            i = start = k
        yield ('text', s[start:])

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _ChainLookup(kws, mapping)
        out = []
        for part in self._scan():
            kind = part[0]
            if kind == 'text':
                out.append(part[1])
            elif kind == 'escaped':
                out.append(self.delimiter)
            elif kind == 'invalid':
                self._invalid(part[1])
            else:
                out.append('%s' % (mapping[part[1]],))
        return ''.join(out)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _ChainLookup(kws, mapping)
        out = []
        for part in self._scan():
            kind = part[0]
            if kind == 'text':
                out.append(part[1])
            elif kind == 'escaped':
                out.append(self.delimiter)
            elif kind == 'invalid':
                out.append(self.delimiter)
            else:
                name = part[1]
                try:
                    out.append('%s' % (mapping[name],))
                except KeyError:
                    if kind == 'braced':
                        out.append(self.delimiter + '{' + name + '}')
                    else:
                        out.append(self.delimiter + name)
        return ''.join(out)

    def is_valid(self):
        for part in self._scan():
            if part[0] == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for part in self._scan():
            if part[0] in ('named', 'braced') and part[1] not in ids:
                ids.append(part[1])
        return ids


class _ChainLookup:
    def __init__(self, first, second):
        self.first = first
        self.second = second

    def __getitem__(self, key):
        try:
            return self.first[key]
        except KeyError:
            return self.second[key]


########################################################################
# Formatter: the str.format() machinery as overridable methods.

class Formatter:
    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in \
                self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is not None:
                if field_name == '':
                    if auto_arg_index is False:
                        raise ValueError('cannot switch from manual field '
                                         'specification to automatic field '
                                         'numbering')
                    field_name = str(auto_arg_index)
                    auto_arg_index += 1
                elif field_name.isdigit():
                    if auto_arg_index:
                        raise ValueError('cannot switch from manual field '
                                         'specification to automatic field '
                                         'numbering')
                    auto_arg_index = False
                obj, arg_used = self.get_field(field_name, args, kwargs)
                used_args.add(arg_used)
                obj = self.convert_field(obj, conversion)
                format_spec, auto_arg_index = self._vformat(
                    format_spec, args, kwargs,
                    used_args, recursion_depth - 1,
                    auto_arg_index=auto_arg_index)
                result.append(self.format_field(obj, format_spec))
        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        else:
            return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        elif conversion == 's':
            return str(value)
        elif conversion == 'r':
            return repr(value)
        elif conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))

    def parse(self, format_string):
        """Yields (literal_text, field_name, format_spec, conversion)."""
        s = format_string
        n = len(s)
        i = 0
        literal = []
        while i < n:
            c = s[i]
            if c == '{':
                if i + 1 < n and s[i + 1] == '{':
                    literal.append('{')
                    yield ''.join(literal), None, None, None
                    literal = []
                    i += 2
                    continue
                # find the matching close brace
                depth = 1
                j = i + 1
                while j < n and depth:
                    if s[j] == '{':
                        depth += 1
                    elif s[j] == '}':
                        depth -= 1
                    j += 1
                if depth:
                    raise ValueError("expected '}' before end of string")
                field = s[i + 1:j - 1]
                conversion = None
                format_spec = ''
                # split off the format spec and conversion (outside brackets)
                k = 0
                bracket = False
                name_end = len(field)
                while k < len(field):
                    ch = field[k]
                    if ch == '[':
                        bracket = True
                    elif ch == ']':
                        bracket = False
                    elif not bracket and ch in '!:':
                        name_end = k
                        break
                    k += 1
                name = field[:name_end]
                rest = field[name_end:]
                if rest.startswith('!'):
                    if len(rest) < 2:
                        raise ValueError("end of string while looking for conversion specifier")
                    conversion = rest[1]
                    rest = rest[2:]
                    if rest and not rest.startswith(':'):
                        raise ValueError("expected ':' after conversion specifier")
                if rest.startswith(':'):
                    format_spec = rest[1:]
                yield ''.join(literal), name, format_spec, conversion
                literal = []
                i = j
            elif c == '}':
                if i + 1 < n and s[i + 1] == '}':
                    literal.append('}')
                    yield ''.join(literal), None, None, None
                    literal = []
                    i += 2
                    continue
                raise ValueError("Single '}' encountered in format string")
            else:
                literal.append(c)
                i += 1
        if literal:
            yield ''.join(literal), None, None, None

    def get_field(self, field_name, args, kwargs):
        # split "a.b[0]" into first and rest
        i = 0
        n = len(field_name)
        while i < n and field_name[i] not in '.[':
            i += 1
        first = field_name[:i]
        if first.isdigit():
            first = int(first)
        obj = self.get_value(first, args, kwargs)
        while i < n:
            if field_name[i] == '.':
                j = i + 1
                while j < n and field_name[j] not in '.[':
                    j += 1
                obj = getattr(obj, field_name[i + 1:j])
                i = j
            else:
                j = field_name.index(']', i)
                key = field_name[i + 1:j]
                if key.isdigit():
                    key = int(key)
                obj = obj[key]
                i = j + 1
        return obj, first
