"""csv for weft: CSV reading and writing with CPython's dialects,
quoting rules and DictReader/DictWriter (a pure-Python _csv)."""

__all__ = ["QUOTE_MINIMAL", "QUOTE_ALL", "QUOTE_NONNUMERIC", "QUOTE_NONE", "Error", "Dialect",
           "excel", "excel_tab", "unix_dialect", "field_size_limit", "reader", "writer",
           "register_dialect", "get_dialect", "list_dialects", "unregister_dialect",
           "DictReader", "DictWriter"]

QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE = range(4)
__version__ = "1.0"


class Error(Exception):
    pass


_field_limit = 128 * 1024


def field_size_limit(*args):
    global _field_limit
    old = _field_limit
    if len(args) > 1:
        raise TypeError("field_size_limit expected at most 1 argument, got %d" % len(args))
    if args:
        if not isinstance(args[0], int):
            raise TypeError("limit must be an integer")
        _field_limit = args[0]
    return old


class Dialect:
    _name = ""
    _valid = False
    delimiter = None
    quotechar = None
    escapechar = None
    doublequote = None
    skipinitialspace = None
    lineterminator = None
    quoting = None
    strict = False

    def __init__(self):
        if self.__class__ != Dialect:
            self._valid = True
        _Params(self)


class excel(Dialect):
    delimiter = ","
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = "\r\n"
    quoting = QUOTE_MINIMAL


class excel_tab(excel):
    delimiter = "\t"


class unix_dialect(Dialect):
    delimiter = ","
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = "\n"
    quoting = QUOTE_ALL


_dialects = {"excel": excel, "excel-tab": excel_tab, "unix": unix_dialect}


class _Params:
    """The resolved formatting parameters of a reader or writer."""

    def __init__(self, dialect=None, **kw):
        if isinstance(dialect, str):
            dialect = get_dialect(dialect)
        def pick(name, default):
            if name in kw:
                return kw[name]
            if dialect is not None and getattr(dialect, name, None) is not None:
                return getattr(dialect, name)
            return default
        self.delimiter = pick("delimiter", ",")
        self.quotechar = pick("quotechar", '"')
        self.escapechar = pick("escapechar", None)
        self.doublequote = pick("doublequote", True)
        self.skipinitialspace = pick("skipinitialspace", False)
        self.lineterminator = pick("lineterminator", "\r\n")
        self.quoting = pick("quoting", QUOTE_MINIMAL)
        self.strict = pick("strict", False)
        for name in kw:
            if name not in ("delimiter", "quotechar", "escapechar", "doublequote", "skipinitialspace",
                            "lineterminator", "quoting", "strict"):
                raise TypeError("'%s' is an invalid keyword argument for this function" % name)
        if not isinstance(self.delimiter, str) or len(self.delimiter) != 1:
            if isinstance(self.delimiter, str):
                raise TypeError('"delimiter" must be a 1-character string')
            raise TypeError('"delimiter" must be string, not %s' % type(self.delimiter).__name__)
        if self.quotechar is not None and (not isinstance(self.quotechar, str) or len(self.quotechar) != 1):
            raise TypeError('"quotechar" must be a 1-character string')
        if self.quoting not in (0, 1, 2, 3):
            raise TypeError("bad \"quoting\" value")
        if self.quotechar is None and self.quoting != QUOTE_NONE:
            raise TypeError("quotechar must be set if quoting enabled")
        if not isinstance(self.lineterminator, str):
            raise TypeError('"lineterminator" must be a string')


def register_dialect(name, dialect=None, **fmtparams):
    if not isinstance(name, str):
        raise TypeError("dialect name must be a string")
    if dialect is None:
        dialect = Dialect
    params = _Params(dialect, **fmtparams)

    class _Registered(Dialect):
        pass
    for attr in ("delimiter", "quotechar", "escapechar", "doublequote", "skipinitialspace",
                 "lineterminator", "quoting", "strict"):
        setattr(_Registered, attr, getattr(params, attr))
    _dialects[name] = _Registered


def unregister_dialect(name):
    if name not in _dialects:
        raise Error("unknown dialect")
    del _dialects[name]


def get_dialect(name):
    try:
        return _dialects[name]
    except (KeyError, TypeError):
        raise Error("unknown dialect")


def list_dialects():
    return list(_dialects)


class _Reader:
    def __init__(self, iterable, dialect="excel", **fmtparams):
        self._it = iter(iterable)
        self.dialect = dialect
        self._p = _Params(dialect, **fmtparams)
        self.line_num = 0

    def __iter__(self):
        return self

    def __next__(self):
        p = self._p
        fields = []
        field = []
        state = "start"   # start, unquoted, quoted, quote_in_quoted, escape, quoted_escape
        quoted_field = False
        while True:
            try:
                line = next(self._it)
            except StopIteration:
                # End of input inside a record: what was read is the last row.
                if state in ("quoted", "quoted_escape", "quote_in_quoted") or field or fields:
                    if self._p.strict and state in ("quoted", "quoted_escape"):
                        raise Error("unexpected end of data")
                    fields.append("".join(field))
                    return fields
                raise
            self.line_num += 1
            if not isinstance(line, str):
                raise Error("iterator should return strings, not %.200s "
                            "(the file should be opened in text mode)" % type(line).__name__)
            i = 0
            n = len(line)
            while i < n:
                c = line[i]
                i += 1
                if state == "start":
                    quoted_field = False
                    if c in "\r\n":
                        if not fields and not field:
                            # An empty line gives an empty row.
                            state = "eol"
                            break
                        fields.append("".join(field))
                        field = []
                        state = "eol"
                        break
                    if c == p.quotechar and p.quoting != QUOTE_NONE:
                        state = "quoted"
                        quoted_field = True
                    elif c == p.escapechar:
                        state = "escape"
                    elif c == " " and p.skipinitialspace:
                        pass
                    elif c == p.delimiter:
                        fields.append("")
                    else:
                        field.append(c)
                        state = "unquoted"
                elif state == "unquoted":
                    if c in "\r\n":
                        fields.append(self._conv("".join(field), False))
                        field = []
                        state = "eol"
                        break
                    if c == p.escapechar:
                        state = "escape"
                    elif c == p.delimiter:
                        fields.append(self._conv("".join(field), False))
                        field = []
                        state = "start"
                    else:
                        field.append(c)
                elif state == "escape":
                    field.append(c)
                    state = "unquoted"
                elif state == "quoted":
                    if c == p.escapechar:
                        state = "quoted_escape"
                    elif c == p.quotechar:
                        state = "quote_in_quoted" if p.doublequote else "unquoted"
                    else:
                        field.append(c)
                elif state == "quoted_escape":
                    field.append(c)
                    state = "quoted"
                elif state == "quote_in_quoted":
                    if c == p.quotechar:
                        field.append(c)
                        state = "quoted"
                    elif c == p.delimiter:
                        fields.append(self._conv("".join(field), True))
                        field = []
                        state = "start"
                    elif c in "\r\n":
                        fields.append(self._conv("".join(field), True))
                        field = []
                        state = "eol"
                        break
                    elif p.strict:
                        raise Error("'%s' expected after '%s'" % (p.delimiter, p.quotechar))
                    else:
                        field.append(c)
                        state = "unquoted"
            if state == "eol":
                return fields
            if state in ("quoted", "quoted_escape"):
                # A newline inside quotes: the field continues on the next line.
                continue
            # The line ended without a newline character.
            if state == "start":
                if fields or field:
                    fields.append("".join(field))
                return fields
            if state in ("unquoted", "escape"):
                fields.append(self._conv("".join(field), False))
                return fields
            if state == "quote_in_quoted":
                fields.append(self._conv("".join(field), True))
                return fields

    def _conv(self, s, quoted):
        if len(s) > _field_limit:
            raise Error("field larger than field limit (%d)" % _field_limit)
        if self._p.quoting == QUOTE_NONNUMERIC and not quoted:
            if s == "":
                return s
            return float(s)
        return s


def reader(csvfile, dialect="excel", **fmtparams):
    return _Reader(csvfile, dialect, **fmtparams)


class _Writer:
    def __init__(self, f, dialect="excel", **fmtparams):
        self._f = f
        self._write = f.write
        self.dialect = dialect
        self._p = _Params(dialect, **fmtparams)

    def _field(self, v, only_field):
        p = self._p
        if v is None:
            s = ""
            numeric = False
        elif isinstance(v, str):
            s = v
            numeric = False
        else:
            s = repr(v) if isinstance(v, float) else str(v)
            numeric = isinstance(v, (int, float))
        if p.quoting == QUOTE_ALL or (p.quoting == QUOTE_NONNUMERIC and not numeric and v is not None) \
                or (p.quoting == QUOTE_NONNUMERIC and v is None):
            quote = True
        elif p.quoting == QUOTE_NONE:
            quote = False
        else:
            specials = p.delimiter + "\r\n" + (p.quotechar or "")
            quote = any(c in specials for c in s) or (only_field and s == "")
            if s and p.escapechar and p.escapechar in s:
                quote = quote or False
        out = []
        for c in s:
            if c == p.quotechar and p.quotechar is not None:
                if p.doublequote and (quote or p.quoting != QUOTE_NONE):
                    out.append(c + c)
                    quote = True if p.quoting != QUOTE_NONE else quote
                    continue
                if p.escapechar:
                    out.append(p.escapechar + c)
                    continue
                raise Error("need to escape, but no escapechar set")
            if p.quoting == QUOTE_NONE and (c == p.delimiter or c in "\r\n"):
                if not p.escapechar:
                    raise Error("need to escape, but no escapechar set")
                out.append(p.escapechar + c)
                continue
            if c == p.escapechar and p.escapechar:
                out.append(p.escapechar + c)
                continue
            out.append(c)
        s = "".join(out)
        if quote:
            s = p.quotechar + s + p.quotechar
        return s

    def writerow(self, row):
        try:
            items = list(row)
        except TypeError:
            raise Error("iterable expected, not %s" % type(row).__name__)
        line = self._p.delimiter.join(self._field(v, len(items) == 1) for v in items) + self._p.lineterminator
        return self._write(line)

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def writer(csvfile, dialect="excel", **fmtparams):
    return _Writer(csvfile, dialect, **fmtparams)


class DictReader:
    def __init__(self, f, fieldnames=None, restkey=None, restval=None, dialect="excel", *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self._fieldnames = fieldnames
        self.restkey = restkey
        self.restval = restval
        self.reader = reader(f, dialect, *args, **kwds)
        self.dialect = dialect
        self.line_num = 0

    def __iter__(self):
        return self

    @property
    def fieldnames(self):
        if self._fieldnames is None:
            try:
                self._fieldnames = next(self.reader)
            except StopIteration:
                pass
        self.line_num = self.reader.line_num
        return self._fieldnames

    @fieldnames.setter
    def fieldnames(self, value):
        self._fieldnames = value

    def __next__(self):
        if self.line_num == 0:
            self.fieldnames
        row = next(self.reader)
        self.line_num = self.reader.line_num
        while row == []:
            row = next(self.reader)
        d = dict(zip(self.fieldnames, row))
        lf = len(self.fieldnames)
        lr = len(row)
        if lf < lr:
            d[self.restkey] = row[lf:]
        elif lf > lr:
            for key in self.fieldnames[lr:]:
                d[key] = self.restval
        return d


class DictWriter:
    def __init__(self, f, fieldnames, restval="", extrasaction="raise", dialect="excel", *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self.fieldnames = fieldnames
        self.restval = restval
        if extrasaction.lower() not in ("raise", "ignore"):
            raise ValueError("extrasaction (%s) must be 'raise' or 'ignore'" % extrasaction)
        self.extrasaction = extrasaction
        self.writer = writer(f, dialect, *args, **kwds)

    def writeheader(self):
        header = dict(zip(self.fieldnames, self.fieldnames))
        return self.writerow(header)

    def _dict_to_list(self, rowdict):
        if self.extrasaction == "raise":
            wrong_fields = rowdict.keys() - self.fieldnames
            if wrong_fields:
                raise ValueError("dict contains fields not in fieldnames: "
                                 + ", ".join([repr(x) for x in wrong_fields]))
        return (rowdict.get(key, self.restval) for key in self.fieldnames)

    def writerow(self, rowdict):
        return self.writer.writerow(self._dict_to_list(rowdict))

    def writerows(self, rowdicts):
        return self.writer.writerows(map(self._dict_to_list, rowdicts))
