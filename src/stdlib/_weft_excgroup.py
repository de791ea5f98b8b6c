"""The methods of the builtin BaseExceptionGroup / ExceptionGroup (weft):
the native types delegate here (see builtins/types/excgroup.rs)."""


def new(cls, message, exceptions):
    if not isinstance(message, str):
        raise TypeError("argument 1 must be str, not %s" % type(message).__name__)
    if not hasattr(exceptions, "__iter__") or isinstance(exceptions, (str, bytes, set, frozenset, dict)):
        raise TypeError("second argument (exceptions) must be a sequence")
    excs = list(exceptions)
    if not excs:
        raise ValueError("second argument (exceptions) must be a non-empty sequence")
    for i, e in enumerate(excs):
        if not isinstance(e, BaseException):
            raise ValueError("Item %d of second argument (exceptions) is not an exception" % i)
    all_exc = all(isinstance(e, Exception) for e in excs)
    if cls is BaseExceptionGroup and all_exc:
        cls = ExceptionGroup
    elif issubclass(cls, Exception) and not all_exc:
        if cls is ExceptionGroup:
            raise TypeError("Cannot nest BaseExceptions in an ExceptionGroup")
        raise TypeError("Cannot nest BaseExceptions in '%s'" % cls.__name__)
    return BaseException.__new__(cls, message, exceptions)


def message(self):
    return self.args[0]


def exceptions(self):
    return tuple(self.args[1])


def to_str(self):
    n = len(self.args[1])
    return "%s (%d sub-exception%s)" % (self.args[0], n, "" if n == 1 else "s")


def derive(self, excs):
    return BaseExceptionGroup(self.args[0], excs)


def _matcher(condition):
    if isinstance(condition, type) and issubclass(condition, BaseException):
        return lambda e: isinstance(e, condition)
    if isinstance(condition, tuple) and all(isinstance(c, type) and issubclass(c, BaseException) for c in condition):
        return lambda e: isinstance(e, condition)
    if callable(condition) and not isinstance(condition, type):
        return condition
    raise TypeError("expected a function, exception type or tuple of exception types")


def _copy_meta(new, old):
    new.__cause__ = old.__cause__
    new.__context__ = old.__context__
    new.__traceback__ = old.__traceback__
    notes = getattr(old, "__notes__", None)
    if notes is not None:
        new.__notes__ = list(notes)
    return new


def _split(self, match):
    if match(self):
        return self, None
    matched, rest = [], []
    for e in self.args[1]:
        if isinstance(e, BaseExceptionGroup):
            m, r = _split(e, match)
            if m is not None:
                matched.append(m)
            if r is not None:
                rest.append(r)
        elif match(e):
            matched.append(e)
        else:
            rest.append(e)
    m = _copy_meta(self.derive(matched), self) if matched else None
    r = _copy_meta(self.derive(rest), self) if rest else None
    return m, r


def split(self, condition):
    return _split(self, _matcher(condition))


def subgroup(self, condition):
    return _split(self, _matcher(condition))[0]
