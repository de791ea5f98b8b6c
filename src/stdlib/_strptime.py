"""_strptime for weft: parsing of time strings by format (English names,
UTC), used by time.strptime and datetime.strptime."""

import re
import time
import datetime

_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"]
_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

_DIRECTIVES = {
    "d": r"(?P<d>3[01]|[12]\d|0[1-9]|[1-9]| [1-9])",
    "f": r"(?P<f>[0-9]{1,6})",
    "H": r"(?P<H>2[0-3]|[0-1]\d|\d)",
    "I": r"(?P<I>1[0-2]|0[1-9]|[1-9])",
    "j": r"(?P<j>36[0-6]|3[0-5]\d|[12]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9])",
    "m": r"(?P<m>1[0-2]|0[1-9]|[1-9])",
    "M": r"(?P<M>[0-5]\d|\d)",
    "S": r"(?P<S>6[0-1]|[0-5]\d|\d)",
    "U": r"(?P<U>5[0-3]|[0-4]\d|\d)",
    "W": r"(?P<W>5[0-3]|[0-4]\d|\d)",
    "w": r"(?P<w>[0-6])",
    "u": r"(?P<u>[1-7])",
    "y": r"(?P<y>\d\d)",
    "Y": r"(?P<Y>\d\d\d\d)",
    "z": r"(?P<z>[+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|(?-i:Z))",
    "A": r"(?P<A>" + "|".join(_DAYS) + ")",
    "a": r"(?P<a>" + "|".join(d[:3] for d in _DAYS) + ")",
    "B": r"(?P<B>" + "|".join(_MONTHS) + ")",
    "b": r"(?P<b>" + "|".join(m[:3] for m in _MONTHS) + ")",
    "p": r"(?P<p>am|pm)",
    "Z": r"(?P<Z>utc|gmt)",
    "%": "%",
}
_DIRECTIVES["h"] = _DIRECTIVES["b"].replace("?P<b>", "?P<h>")
_cache = {}


def _pattern(format):
    out = []
    i = 0
    n = len(format)
    while i < n:
        c = format[i]
        if c == "%" and i + 1 < n:
            d = format[i + 1]
            if d in ("c", "x", "X", "D", "T", "R", "F"):
                expand = {"c": "%a %b %d %H:%M:%S %Y", "x": "%m/%d/%y", "X": "%H:%M:%S", "D": "%m/%d/%y",
                          "T": "%H:%M:%S", "R": "%H:%M", "F": "%Y-%m-%d"}[d]
                out.append(_pattern(expand))
            elif d in _DIRECTIVES:
                out.append(_DIRECTIVES[d])
            else:
                raise ValueError("'%s' is a bad directive in format '%s'" % (d, format))
            i += 2
        elif c == "%":
            raise ValueError("stray % in format '%s'" % format)
        elif c.isspace():
            out.append(r"\s+")
            i += 1
            while i < n and format[i].isspace():
                i += 1
        else:
            out.append(re.escape(c))
            i += 1
    return "".join(out)


def _strptime(data_string, format="%a %b %d %H:%M:%S %Y"):
    for name, value in ((data_string, "data_string"), (format, "format")):
        if not isinstance(name, str):
            raise TypeError("strptime() argument %d must be str, not %s"
                            % (1 if value == "data_string" else 2, type(name).__name__))
    regex = _cache.get(format)
    if regex is None:
        regex = re.compile(_pattern(format), re.IGNORECASE)
        _cache[format] = regex
    found = regex.match(data_string)
    if not found:
        raise ValueError("time data %r does not match format %r" % (data_string, format))
    if len(data_string) != found.end():
        raise ValueError("unconverted data remains: %s" % data_string[found.end():])
    g = {k: v for k, v in found.groupdict().items() if v is not None}
    year = 1900
    month = day = 1
    hour = minute = second = fraction = 0
    weekday = julian = None
    gmtoff = None
    tzname = None
    if "y" in g:
        year = int(g["y"])
        year += 2000 if year <= 68 else 1900
    if "Y" in g:
        year = int(g["Y"])
    if "m" in g:
        month = int(g["m"])
    for key in ("B", "b", "h"):
        if key in g:
            month = [m[:len(g[key])] for m in _MONTHS].index(g[key].lower()) + 1
    if "d" in g:
        day = int(g["d"])
    if "H" in g:
        hour = int(g["H"])
    if "I" in g:
        hour = int(g["I"])
        ampm = g.get("p", "").lower()
        if ampm in ("", "am"):
            if hour == 12:
                hour = 0
        elif ampm == "pm" and hour != 12:
            hour += 12
    if "M" in g:
        minute = int(g["M"])
    if "S" in g:
        second = int(g["S"])
    if "f" in g:
        s = g["f"]
        fraction = int(s + "0" * (6 - len(s)))
    for key in ("A", "a"):
        if key in g:
            weekday = [d[:len(g[key])] for d in _DAYS].index(g[key].lower())
    if "w" in g:
        weekday = (int(g["w"]) - 1) % 7
    if "u" in g:
        weekday = int(g["u"]) - 1
    if "j" in g:
        julian = int(g["j"])
    if "z" in g:
        z = g["z"]
        if z == "Z" or z == "z":
            gmtoff = 0
        else:
            sign = -1 if z[0] == "-" else 1
            z = z[1:].replace(":", "")
            hours, minutes = int(z[:2]), int(z[2:4])
            seconds = int(z[4:6]) if len(z) >= 6 else 0
            gmtoff = sign * (hours * 3600 + minutes * 60 + seconds)
    if "Z" in g:
        tzname = g["Z"].upper()
    if julian is not None and "m" not in g and "d" not in g:
        d = datetime.date(year, 1, 1) + datetime.timedelta(days=julian - 1)
        month, day = d.month, d.day
    d = datetime.date(year, month, day)
    if weekday is None:
        weekday = d.weekday()
    if julian is None:
        julian = d.toordinal() - datetime.date(year, 1, 1).toordinal() + 1
    return (year, month, day, hour, minute, second, weekday, julian, -1, tzname, gmtoff), fraction, None


def _strptime_time(data_string, format="%a %b %d %H:%M:%S %Y"):
    tt = _strptime(data_string, format)[0]
    return time.struct_time(tt[:9] + (tt[9] or "UTC", tt[10] or 0))


def _strptime_datetime(cls, data_string, format="%a %b %d %H:%M:%S %Y"):
    tt, fraction, gmtoff_fraction = _strptime(data_string, format)
    tzname, gmtoff = tt[-2:]
    args = tt[:6] + (fraction,)
    if gmtoff is not None:
        tzdelta = datetime.timedelta(seconds=gmtoff)
        tz = datetime.timezone(tzdelta, tzname) if tzname else datetime.timezone(tzdelta)
        args += (tz,)
    return cls(*args)
