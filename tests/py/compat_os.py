import os, os.path
from os.path import join, splitext
import os.path as osp
import sys
print(os.name, os.sep, repr(os.linesep), os.path is osp, os.path.__name__, 'os.path' in sys.modules)
print(join('a', 'b', 'c.txt'), join('/x', '/y', 'z'), join('a/', 'b'))
print(splitext('foo/bar.tar.gz'), splitext('.bashrc'), splitext('a.b/c'))
print(os.path.split('/a/b/c'), os.path.split('c'), os.path.split('/'), os.path.basename('/a/b'), os.path.dirname('/a/b'))
print(os.path.normpath('a//b/./c/../d'), os.path.normpath('/../x'), os.path.normpath(''))
print(os.path.isabs('/a'), os.path.isabs('a'))
print(os.path.relpath('/a/b/c', '/a/d'), os.path.relpath('/a', '/a'))
print(os.path.expanduser('~/x') == os.environ['HOME'] + '/x', os.path.expanduser('abc'))
print('HOME' in os.environ, os.getenv('WEFT_NOPE_XYZ'), os.getenv('WEFT_NOPE_XYZ', 'dflt'))
os.environ['WEFT_TEST_VAR'] = 'hello'
print(os.getenv('WEFT_TEST_VAR'), os.environ.get('WEFT_TEST_VAR'))
print(type(os.getpid()).__name__, os.cpu_count() >= 1, len(os.urandom(8)), type(os.urandom(3)).__name__)

base = '/tmp/weft_compat_os_%d' % os.getpid()
os.makedirs(join(base, 'a', 'b'))
os.makedirs(join(base, 'a', 'b'), exist_ok=True)
try:
    os.makedirs(join(base, 'a'))
except FileExistsError as e:
    print('FileExistsError', e.errno, e.strerror, e.filename == join(base, 'a'))
with open(join(base, 'a', 'f.txt'), 'w') as f:
    f.write('12345')
with open(join(base, 'top.txt'), 'w') as f:
    f.write('x')
print(sorted(os.listdir(base)), sorted(os.listdir(join(base, 'a'))))
st = os.stat(join(base, 'a', 'f.txt'))
print(st.st_size, st[6], type(st.st_mtime).__name__, st.st_mtime > 0, oct(st.st_mode & 0o170000))
print(os.path.getsize(join(base, 'a', 'f.txt')))
print(os.path.exists(base), os.path.isdir(base), os.path.isfile(base), os.path.isfile(join(base, 'top.txt')), os.path.exists(join(base, 'nope')))
for root, dirs, files in os.walk(base):
    print(os.path.relpath(root, base), sorted(dirs), sorted(files))
old = os.getcwd()
os.chdir(base)
print(os.getcwd() == os.path.realpath(base), os.path.abspath('x') == join(os.getcwd(), 'x'))
os.chdir(old)
os.rename(join(base, 'top.txt'), join(base, 'top2.txt'))
os.replace(join(base, 'top2.txt'), join(base, 'top3.txt'))
print(sorted(os.listdir(base)))
try:
    os.remove(join(base, 'missing.txt'))
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename == join(base, 'missing.txt'), isinstance(e, OSError))
    print(str(e) == "[Errno 2] No such file or directory: '%s'" % join(base, 'missing.txt'))
try:
    os.rmdir(join(base, 'a'))
except OSError as e:
    print(type(e).__name__, e.errno)
try:
    os.stat('/definitely/not/here')
except OSError as e:
    print(type(e).__name__, e.errno, e.filename)
try:
    os.listdir('/definitely/not/here')
except FileNotFoundError as e:
    print('listdir', e.errno)
os.unlink(join(base, 'top3.txt'))
os.remove(join(base, 'a', 'f.txt'))
os.rmdir(join(base, 'a', 'b'))
os.rmdir(join(base, 'a'))
os.rmdir(base)
print(os.path.exists(base))
