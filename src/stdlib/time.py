"""time for weft: the clocks and sleep are native (module `_time`);
struct_time, strftime, asctime/ctime, mktime and the time-zone constants
are here. weft keeps UTC as local time (no time-zone database)."""

from _time import (time, time_ns, monotonic, monotonic_ns, perf_counter, perf_counter_ns,
                   process_time, process_time_ns, sleep)
import _time

timezone = 0
altzone = 0
daylight = 0
tzname = ("UTC", "UTC")

_FIELDS = ("tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst")


class struct_time(tuple):
    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0

    def __new__(cls, seq, dict=None):
        seq = tuple(seq)
        if len(seq) < 9:
            raise TypeError("time.struct_time() takes an at least 9-sequence (%d-sequence given)" % len(seq))
        if len(seq) > 11:
            raise TypeError("time.struct_time() takes an at most 11-sequence (%d-sequence given)" % len(seq))
        self = tuple.__new__(cls, seq[:9])
        self._zone = seq[9] if len(seq) > 9 else None
        self._gmtoff = seq[10] if len(seq) > 10 else None
        return self

    tm_year = property(lambda self: self[0])
    tm_mon = property(lambda self: self[1])
    tm_mday = property(lambda self: self[2])
    tm_hour = property(lambda self: self[3])
    tm_min = property(lambda self: self[4])
    tm_sec = property(lambda self: self[5])
    tm_wday = property(lambda self: self[6])
    tm_yday = property(lambda self: self[7])
    tm_isdst = property(lambda self: self[8])
    tm_zone = property(lambda self: self._zone)
    tm_gmtoff = property(lambda self: self._gmtoff)

    def __repr__(self):
        return "time.struct_time(%s)" % ", ".join("%s=%r" % (n, v) for n, v in zip(_FIELDS, self))

    def __reduce__(self):
        return (struct_time, (tuple(self),))


def gmtime(secs=None):
    return struct_time(tuple(_time.gmtime(secs)) + ("UTC", 0))


def localtime(secs=None):
    return struct_time(tuple(_time.gmtime(secs)) + ("UTC", 0))


def _days_from_civil(y, m, d):
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def mktime(t):
    t = tuple(t)
    if len(t) < 9:
        raise TypeError("mktime(): illegal time tuple argument")
    y, mo, d, h, mi, s = t[:6]
    return float(_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s)


_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def _checked(t):
    if t is None:
        return localtime()
    if isinstance(t, struct_time):
        return t
    t = tuple(t)
    if len(t) != 9:
        raise TypeError("function takes exactly 9 arguments (%d given)" % len(t))
    return struct_time(t)


def strftime(format, t=None):
    if not isinstance(format, str):
        raise TypeError("strftime() argument 1 must be str, not %s" % type(format).__name__)
    t = _checked(t)
    y, mo, d, h, mi, s, wd, yd = t[:8]
    if not 1 <= mo <= 12:
        raise ValueError("month out of range")
    out = []
    i = 0
    n = len(format)
    while i < n:
        c = format[i]
        if c != "%" or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        f = format[i + 1]
        i += 2
        if f == "Y":
            out.append(str(y))
        elif f == "m":
            out.append("%02d" % mo)
        elif f == "d":
            out.append("%02d" % d)
        elif f == "H":
            out.append("%02d" % h)
        elif f == "M":
            out.append("%02d" % mi)
        elif f == "S":
            out.append("%02d" % s)
        elif f == "y":
            out.append("%02d" % (y % 100))
        elif f == "j":
            out.append("%03d" % yd)
        elif f == "a":
            out.append(_DAYS[wd % 7][:3])
        elif f == "A":
            out.append(_DAYS[wd % 7])
        elif f == "b" or f == "h":
            out.append(_MONTHS[mo - 1][:3])
        elif f == "B":
            out.append(_MONTHS[mo - 1])
        elif f == "p":
            out.append("AM" if h < 12 else "PM")
        elif f == "I":
            out.append("%02d" % (h % 12 or 12))
        elif f == "w":
            out.append(str((wd + 1) % 7))
        elif f == "u":
            out.append(str(wd + 1))
        elif f == "e":
            out.append("%2d" % d)
        elif f == "U":
            out.append("%02d" % ((yd + 6 - (wd + 1) % 7) // 7))
        elif f == "W":
            out.append("%02d" % ((yd + 6 - wd) // 7))
        elif f == "c":
            out.append(asctime(t))
        elif f == "x":
            out.append("%02d/%02d/%02d" % (mo, d, y % 100))
        elif f == "X":
            out.append("%02d:%02d:%02d" % (h, mi, s))
        elif f == "D":
            out.append("%02d/%02d/%02d" % (mo, d, y % 100))
        elif f == "F":
            out.append("%d-%02d-%02d" % (y, mo, d))
        elif f == "T":
            out.append("%02d:%02d:%02d" % (h, mi, s))
        elif f == "R":
            out.append("%02d:%02d" % (h, mi))
        elif f == "C":
            out.append("%02d" % (y // 100))
        elif f == "G":
            out.append(str(y))
        elif f == "n":
            out.append("\n")
        elif f == "t":
            out.append("\t")
        elif f == "Z":
            out.append(t.tm_zone or "UTC")
        elif f == "z":
            out.append("+0000")
        elif f == "%":
            out.append("%")
        else:
            out.append("%" + f)
    return "".join(out)


def asctime(t=None):
    t = _checked(t)
    return "%s %s %2d %02d:%02d:%02d %d" % (_DAYS[t[6] % 7][:3], _MONTHS[t[1] - 1][:3], t[2], t[3], t[4], t[5], t[0])


def ctime(secs=None):
    return asctime(localtime(secs))


def strptime(string, format="%a %b %d %H:%M:%S %Y"):
    import _strptime
    return _strptime._strptime_time(string, format)


def get_clock_info(name):
    raise ValueError("unknown clock")
