"""Pathname operations on POSIX paths (weft's os.path)."""

import posix

sep = '/'
curdir = '.'
pardir = '..'
extsep = '.'
pathsep = ':'
altsep = None
defpath = '/bin:/usr/bin'
devnull = '/dev/null'


def _fs(p):
    if isinstance(p, (str, bytes)):
        return p
    f = getattr(type(p), '__fspath__', None)
    if f is None:
        raise TypeError("expected str, bytes or os.PathLike object, not "
                        + type(p).__name__)
    return f(p)


def isabs(s):
    return _fs(s).startswith('/')


def join(a, *p):
    a = _fs(a)
    path = a
    for b in p:
        b = _fs(b)
        if not isinstance(b, str):
            raise TypeError("join() argument must be str, bytes, or os.PathLike object, not '"
                            + type(b).__name__ + "'")
        if b.startswith('/'):
            path = b
        elif not path or path.endswith('/'):
            path += b
        else:
            path += '/' + b
    return path


def split(p):
    p = _fs(p)
    i = p.rfind('/') + 1
    head, tail = p[:i], p[i:]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head, tail


def splitext(p):
    p = _fs(p)
    sep_index = p.rfind('/')
    dot_index = p.rfind('.')
    if dot_index > sep_index:
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index] != '.':
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, p[:0]


def splitdrive(p):
    p = _fs(p)
    return p[:0], p


def basename(p):
    p = _fs(p)
    return p[p.rfind('/') + 1:]


def dirname(p):
    p = _fs(p)
    i = p.rfind('/') + 1
    head = p[:i]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head


def exists(path):
    try:
        posix.stat(path)
    except (OSError, ValueError, TypeError):
        return False
    return True


def lexists(path):
    try:
        posix.lstat(path)
    except (OSError, ValueError):
        return False
    return True


def _mode(path, lst=False):
    try:
        return (posix.lstat(path) if lst else posix.stat(path))[0]
    except (OSError, ValueError, TypeError):
        return None


def isfile(path):
    m = _mode(path)
    return m is not None and (m & 0o170000) == 0o100000


def isdir(s):
    m = _mode(s)
    return m is not None and (m & 0o170000) == 0o040000


def islink(path):
    m = _mode(path, True)
    return m is not None and (m & 0o170000) == 0o120000


def ismount(path):
    return _fs(path) == '/'


def getsize(filename):
    return posix.stat(filename)[6]


def getmtime(filename):
    return posix.stat(filename)[8]


def getatime(filename):
    return posix.stat(filename)[7]


def getctime(filename):
    return posix.stat(filename)[9]


def samefile(f1, f2):
    s1 = posix.stat(f1)
    s2 = posix.stat(f2)
    return s1[1] == s2[1] and s1[2] == s2[2]


def expanduser(path):
    path = _fs(path)
    if not path.startswith('~'):
        return path
    i = path.find('/', 1)
    if i < 0:
        i = len(path)
    if i == 1:
        userhome = posix.environ.get('HOME')
        if userhome is None:
            return path
    else:
        return path
    userhome = userhome.rstrip('/')
    return (userhome + path[i:]) or '/'


def expandvars(path):
    path = _fs(path)
    if '$' not in path:
        return path
    out = []
    i = 0
    n = len(path)
    while i < n:
        c = path[i]
        if c == '$' and i + 1 < n:
            if path[i + 1] == '{':
                j = path.find('}', i + 2)
                if j >= 0:
                    name = path[i + 2:j]
                    if name in posix.environ:
                        out.append(posix.environ[name])
                    else:
                        out.append(path[i:j + 1])
                    i = j + 1
                    continue
            else:
                j = i + 1
                while j < n and (path[j].isalnum() or path[j] == '_'):
                    j += 1
                name = path[i + 1:j]
                if name and name in posix.environ:
                    out.append(posix.environ[name])
                    i = j
                    continue
                out.append(path[i:j])
                i = j
                continue
        out.append(c)
        i += 1
    return ''.join(out)


def normpath(path):
    path = _fs(path)
    if path == '':
        return '.'
    initial_slashes = 1 if path.startswith('/') else 0
    if initial_slashes and path.startswith('//') and not path.startswith('///'):
        initial_slashes = 2
    comps = path.split('/')
    new_comps = []
    for comp in comps:
        if comp in ('', '.'):
            continue
        if (comp != '..' or (not initial_slashes and not new_comps) or
                (new_comps and new_comps[-1] == '..')):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    path = '/'.join(new_comps)
    if initial_slashes:
        path = '/' * initial_slashes + path
    return path or '.'


def abspath(path):
    path = _fs(path)
    if not isabs(path):
        path = join(posix.getcwd(), path)
    return normpath(path)


def realpath(filename, *, strict=False):
    filename = abspath(filename)
    r = posix._realpath(filename)
    if r is not None:
        return r
    if strict:
        posix.stat(filename)
    head, tail = split(filename)
    if not tail or head == filename:
        return filename
    return join(realpath(head), tail)


def relpath(path, start=None):
    path = _fs(path)
    if not path:
        raise ValueError("no path specified")
    if start is None:
        start = curdir
    start = _fs(start)
    start_list = [x for x in abspath(start).split(sep) if x]
    path_list = [x for x in abspath(path).split(sep) if x]
    i = len(commonprefix([start_list, path_list]))
    rel_list = [pardir] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return curdir
    return join(*rel_list)


def commonprefix(m):
    if not m:
        return ''
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def commonpath(paths):
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    paths = [_fs(p) for p in paths]
    split_paths = [p.split(sep) for p in paths]
    try:
        isabs_, = set(p[:1] == sep for p in paths)
    except ValueError:
        raise ValueError("Can't mix absolute and relative paths")
    split_paths = [[c for c in s if c and c != curdir] for s in split_paths]
    s1 = min(split_paths)
    s2 = max(split_paths)
    common = s1
    for i, c in enumerate(s1):
        if c != s2[i]:
            common = s1[:i]
            break
    prefix = sep if isabs_ else sep[:0]
    return prefix + sep.join(common)


def normcase(s):
    """Normalize the case of a pathname: unchanged on POSIX."""
    return fspath_str(s)


def fspath_str(s):
    if isinstance(s, (str, bytes)):
        return s
    f = getattr(type(s), "__fspath__", None)
    if f is None:
        raise TypeError("expected str, bytes or os.PathLike object, not " + type(s).__name__)
    return f(s)


def samestat(s1, s2):
    """Whether two stat results refer to the same file."""
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev


supports_unicode_filenames = False
