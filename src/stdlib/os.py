"""Operating-system interfaces (weft): a Python layer over the native
`posix` module, as in CPython."""

import sys
import posix
from posix import (getcwd, chdir, listdir, mkdir, remove, unlink, rmdir,
                   rename, replace, getpid, cpu_count, urandom, readlink,
                   chmod)
from posix import open, close, read, write, fsync, isatty, _exit, getppid
import builtins as _builtins

name = 'posix'
sep = '/'
altsep = None
extsep = '.'
pathsep = ':'
linesep = '\n'
curdir = '.'
pardir = '..'
defpath = '/bin:/usr/bin'
devnull = '/dev/null'

F_OK = 0
R_OK = 4
W_OK = 2
X_OK = 1
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2

error = OSError


class stat_result:
    """The result of os.stat(): st_mode, st_size, st_mtime, ... and a
    10-tuple view."""

    def __init__(self, t):
        (self.st_mode, self.st_ino, self.st_dev, self.st_nlink, self.st_uid,
         self.st_gid, self.st_size, self.st_atime, self.st_mtime,
         self.st_ctime, self.st_mtime_ns) = t

    def _tuple(self):
        return (self.st_mode, self.st_ino, self.st_dev, self.st_nlink,
                self.st_uid, self.st_gid, self.st_size, int(self.st_atime),
                int(self.st_mtime), int(self.st_ctime))

    def __getitem__(self, i):
        return self._tuple()[i]

    def __len__(self):
        return 10

    def __iter__(self):
        return iter(self._tuple())

    def __eq__(self, other):
        if isinstance(other, stat_result):
            return self._tuple() == other._tuple()
        return NotImplemented

    def __repr__(self):
        return ('os.stat_result(st_mode=%d, st_ino=%d, st_dev=%d, st_nlink=%d, '
                'st_uid=%d, st_gid=%d, st_size=%d, st_atime=%d, st_mtime=%d, '
                'st_ctime=%d)' % self._tuple())


def fspath(path):
    if isinstance(path, (str, bytes)):
        return path
    f = getattr(type(path), '__fspath__', None)
    if f is None:
        raise TypeError("expected str, bytes or os.PathLike object, not "
                        + type(path).__name__)
    return f(path)


class PathLike:
    pass


def stat(path, *, follow_symlinks=True):
    if follow_symlinks:
        return stat_result(posix.stat(path))
    return stat_result(posix.lstat(path))


def lstat(path):
    return stat_result(posix.lstat(path))


def access(path, mode):
    try:
        posix.stat(path)
    except OSError:
        return False
    return True


class _Environ(dict):
    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError("str expected, not " + type(key).__name__)
        if not isinstance(value, str):
            raise TypeError("str expected, not " + type(value).__name__)
        posix.putenv(key, value)
        dict.__setitem__(self, key, value)

    def __delitem__(self, key):
        dict.__delitem__(self, key)
        posix.unsetenv(key)

    def pop(self, key, *default):
        if key in self:
            v = dict.__getitem__(self, key)
            self.__delitem__(key)
            return v
        if default:
            return default[0]
        raise KeyError(key)

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return dict.__getitem__(self, key)

    def update(self, *args, **kw):
        for k, v in dict(*args, **kw).items():
            self[k] = v

    def copy(self):
        return dict(self)

    def __repr__(self):
        return 'environ(' + dict.__repr__(self) + ')'


environ = _Environ(posix.environ)


def getenv(key, default=None):
    return environ.get(key, default)


def putenv(key, value):
    posix.putenv(key, value)


def unsetenv(key):
    posix.unsetenv(key)


def getcwdb():
    return getcwd().encode()


def makedirs(name, mode=0o777, exist_ok=False):
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        if tail == curdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


def walk(top, topdown=True, onerror=None, followlinks=False):
    top = fspath(top)
    try:
        names = listdir(top)
    except OSError as err:
        if onerror is not None:
            onerror(err)
        return
    names.sort()
    dirs = []
    nondirs = []
    for n in names:
        if posix._is_dir(path.join(top, n), True):
            dirs.append(n)
        else:
            nondirs.append(n)
    if topdown:
        yield top, dirs, nondirs
        for d in dirs:
            p = path.join(top, d)
            if followlinks or not path.islink(p):
                yield from walk(p, topdown, onerror, followlinks)
    else:
        for d in dirs:
            p = path.join(top, d)
            if followlinks or not path.islink(p):
                yield from walk(p, topdown, onerror, followlinks)
        yield top, dirs, nondirs


def fdopen(fd, mode="r", buffering=-1, encoding=None, *args, **kwargs):
    if not isinstance(fd, int):
        raise TypeError("invalid fd type (%s, expected integer)" % type(fd).__name__)
    return _builtins.open(fd, mode, buffering, encoding, *args, **kwargs)


O_RDONLY = 0
O_WRONLY = 1
O_RDWR = 2
O_CREAT = 0o100
O_EXCL = 0o200
O_TRUNC = 0o1000
O_APPEND = 0o2000
O_DIRECTORY = 0o200000


def fsencode(filename):
    filename = fspath(filename)
    return filename.encode("utf-8", "surrogateescape") if isinstance(filename, str) else filename


def fsdecode(filename):
    filename = fspath(filename)
    return filename.decode("utf-8", "surrogateescape") if isinstance(filename, bytes) else filename


class DirEntry:
    """An entry of os.scandir(): name, path and cached type queries."""

    def __init__(self, dirpath, name):
        self.name = name
        self.path = path.join(dirpath, name) if dirpath else name
        self._stat = None
        self._lstat = None

    def stat(self, *, follow_symlinks=True):
        if follow_symlinks:
            if self._stat is None:
                self._stat = stat(self.path)
            return self._stat
        if self._lstat is None:
            self._lstat = lstat(self.path)
        return self._lstat

    def is_dir(self, *, follow_symlinks=True):
        return posix._is_dir(self.path, follow_symlinks)

    def is_file(self, *, follow_symlinks=True):
        try:
            st = self.stat(follow_symlinks=follow_symlinks)
        except OSError:
            return False
        return (st.st_mode & 0o170000) == 0o100000

    def is_symlink(self):
        return path.islink(self.path)

    def inode(self):
        return self.stat(follow_symlinks=False).st_ino

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return "<DirEntry %r>" % (self.name,)


class _ScandirIterator:
    def __init__(self, top):
        self._top = top
        self._it = iter([DirEntry(top if top != "." else ".", n) for n in listdir(top)])

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._it)

    def close(self):
        self._it = iter(())

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def scandir(path="."):
    """The entries of a directory as DirEntry objects."""
    return _ScandirIterator(fspath(path))


class terminal_size(tuple):
    """(columns, lines) of a terminal window."""

    def __new__(cls, seq):
        return tuple.__new__(cls, seq)

    columns = property(lambda self: self[0])
    lines = property(lambda self: self[1])

    def __repr__(self):
        return "os.terminal_size(columns=%d, lines=%d)" % (self[0], self[1])


def get_terminal_size(fd=1):
    """The size of the terminal (from COLUMNS/LINES; weft does not query
    the tty), as os.terminal_size."""
    c = environ.get('COLUMNS')
    l = environ.get('LINES')
    return terminal_size((int(c) if c else 80, int(l) if l else 24))


import posixpath as path
sys.modules['os.path'] = path


def system(command):
    """Runs `command` in a shell; returns the wait status (exit code << 8,
    or the signal number for a child killed by a signal), as on Unix."""
    import subprocess
    return _wait_status(subprocess.run(command, shell=True).returncode)


def _wait_status(code):
    return code << 8 if code >= 0 else -code


class _wrap_close:
    """The file `popen` returns: its close() gives the child's wait status
    (None for success)."""

    def __init__(self, stream, status):
        self._stream = stream
        self._status = status

    def close(self):
        self._stream.close()
        return None if self._status == 0 else self._status

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        return iter(self._stream)

    def __getattr__(self, name):
        return getattr(self._stream, name)


def popen(cmd, mode="r", buffering=-1):
    """Runs `cmd` in a shell to completion; mode "r" reads its output (weft
    runs the child before returning, so nothing streams)."""
    if not isinstance(cmd, str):
        raise TypeError("invalid cmd type (%s, expected string)" % type(cmd))
    if mode not in ("r", "w"):
        raise ValueError("invalid mode %r" % mode)
    if mode != "r":
        raise ValueError("weft's os.popen supports only mode 'r'")
    import subprocess, io
    done = subprocess.run(cmd, shell=True, stdout=subprocess.PIPE)
    out = io.StringIO(done.stdout.decode("utf-8", "replace"))
    return _wrap_close(out, _wait_status(done.returncode))
