"""platform for weft: the running system (from uname(2) data in
/proc/sys/kernel and the environment) and the interpreter, which reports
itself as the Python version it implements."""

import os as _os
import sys as _sys
from collections import namedtuple as _namedtuple


def _read(path, default=""):
    try:
        with open(path) as f:
            return f.read().strip()
    except OSError:
        return default


uname_result = _namedtuple("uname_result", "system node release version machine")


def _machine():
    for path in ("/proc/sys/kernel/arch",):
        m = _read(path)
        if m:
            return m
    return {"x86_64": "x86_64"}.get(_os.environ.get("HOSTTYPE", ""), _os.environ.get("HOSTTYPE", "x86_64"))


def uname():
    return uname_result("Linux" if _sys.platform.startswith("linux") else _sys.platform.capitalize(),
                        _read("/proc/sys/kernel/hostname"),
                        _read("/proc/sys/kernel/osrelease"),
                        _read("/proc/sys/kernel/version"),
                        _machine())


def system():
    return uname().system


def node():
    return uname().node


def release():
    return uname().release


def version():
    return uname().version


def machine():
    return uname().machine


def processor():
    return machine()


def architecture(executable=None, bits="", linkage=""):
    return ("64bit", "ELF")


def python_implementation():
    return "CPython"


def python_version_tuple():
    v = _sys.version_info
    return (str(v[0]), str(v[1]), str(v[2]))


def python_version():
    return ".".join(python_version_tuple())


def python_build():
    return ("main", "")


def python_compiler():
    return "weft"


def python_branch():
    return ""


def python_revision():
    return ""


def platform(aliased=False, terse=False):
    u = uname()
    if terse:
        return "%s-%s" % (u.system, u.release)
    return "%s-%s-%s-with-glibc" % (u.system, u.release, u.machine)


def libc_ver(executable=None, lib="", version="", chunksize=16384):
    return ("glibc", "")


def freedesktop_os_release():
    info = {}
    for path in ("/etc/os-release", "/usr/lib/os-release"):
        text = _read(path, None)
        if text is None:
            continue
        for line in text.splitlines():
            if "=" in line and not line.startswith("#"):
                k, v = line.split("=", 1)
                info[k] = v.strip().strip('"')
        return info
    raise OSError("no os-release file found")
