"""traceback for weft: formatting and printing of exceptions and stacks.

Tracebacks are recorded by the VM as (file, line, function) entries; this
module renders them the way CPython's traceback module does (without the
3.11 column carets).
"""

import sys
import _weft

__all__ = ["format_exc", "print_exc", "format_exception", "print_exception",
           "format_exception_only", "print_stack", "format_stack", "extract_stack",
           "extract_tb", "format_tb", "print_tb", "format_list", "FrameSummary",
           "StackSummary", "TracebackException", "walk_stack", "print_last"]

_sentinel = object()


class FrameSummary:
    def __init__(self, filename, lineno, name, line=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line

    @property
    def line(self):
        if self._line is None:
            self._line = (_weft.source_line(self.filename, self.lineno) or "").strip()
        return self._line

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __getitem__(self, i):
        return (self.filename, self.lineno, self.name, self.line)[i]

    def __len__(self):
        return 4

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename, self.lineno, self.name, self.line) == (
                other.filename, other.lineno, other.name, other.line)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __repr__(self):
        return "<FrameSummary file {}, line {} in {}>".format(self.filename, self.lineno, self.name)


class StackSummary(list):
    @classmethod
    def from_list(cls, a_list):
        result = cls()
        for f in a_list:
            if isinstance(f, FrameSummary):
                result.append(f)
            else:
                filename, lineno, name, line = f
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format(self):
        out = []
        for f in self:
            row = '  File "{}", line {}, in {}\n'.format(f.filename, f.lineno, f.name)
            if f.line:
                row += "    {}\n".format(f.line.strip())
            out.append(row)
        return out


def _summaries(entries, limit):
    frames = [FrameSummary(fn, ln, name) for fn, ln, name in entries]
    if limit is not None:
        frames = frames[-limit:] if limit >= 0 else frames[:-limit]
    return StackSummary(frames)


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def _exc_of(exc, value):
    if value is not _sentinel and value is not None:
        return value
    if isinstance(exc, type):
        return None if value is _sentinel else value
    return exc


def format_exception_only(exc, value=_sentinel):
    v = _exc_of(exc, value)
    if v is None:
        return ["NoneType: None\n"]
    return [_weft.format_exception_only(v)]


def format_exception(exc, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    v = _exc_of(exc, value)
    if v is None:
        return ["NoneType: None\n"]
    text = _weft.format_exception(v)
    return text.splitlines(True)


def print_exception(exc, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        file.write(line)


def format_exc(limit=None, chain=True):
    return "".join(format_exception(sys.exc_info()[1], limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(sys.exc_info()[1], limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    if not hasattr(sys, "last_value"):
        raise ValueError("no last exception")
    print_exception(sys.last_value, limit=limit, file=file, chain=chain)


def extract_tb(tb, limit=None):
    # weft has no traceback objects: `tb` is the exception itself.
    return _summaries(_weft.exception_frames(tb), limit)


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def print_tb(tb, limit=None, file=None):
    if file is None:
        file = sys.stderr
    for line in format_tb(tb, limit=limit):
        file.write(line)


def extract_stack(f=None, limit=None):
    # Leave out this function's own frame.
    return _summaries(_weft.frame_summaries()[:-1], limit)


def format_stack(f=None, limit=None):
    return _summaries(_weft.frame_summaries()[:-1], limit).format()


def print_stack(f=None, limit=None, file=None):
    if file is None:
        file = sys.stderr
    for line in _summaries(_weft.frame_summaries()[:-1], limit).format():
        file.write(line)


def walk_stack(f):
    return iter(())


class TracebackException:
    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None, **kwargs):
        self.exc_type = exc_type
        self._value = exc_value
        self.stack = extract_tb(exc_value, limit=limit) if exc_value is not None else StackSummary()
        self.__cause__ = None
        self.__context__ = None

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, None, *args, **kwargs)

    def format(self, *, chain=True):
        return iter(format_exception(self._value, chain=chain))

    def format_exception_only(self):
        return iter(format_exception_only(self._value))

    def __str__(self):
        return str(self._value)
