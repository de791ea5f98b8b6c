# tempfile, os-level descriptors (os.open/read/write/close/fdopen),
# open() of a path-like object
import os, tempfile

d = tempfile.mkdtemp(prefix="c3_", suffix=".d")
print(os.path.isdir(d), os.path.basename(d).startswith("c3_"), d.endswith(".d"))
print(os.path.isabs(tempfile.gettempdir()), tempfile.gettempprefix())

fd, path = tempfile.mkstemp(suffix=".txt", dir=d)
print(type(fd).__name__, path.startswith(d), path.endswith(".txt"))
print(os.write(fd, b"hello fd\n"))
os.close(fd)
with open(path) as f:
    print(repr(f.read()))
try:
    os.close(fd)
except OSError as e:
    print("close twice:", type(e).__name__, e.errno)

fd = os.open(path, os.O_RDONLY)
print(os.read(fd, 5), os.read(fd, 100), os.read(fd, 10))
os.close(fd)
fd = os.open(os.path.join(d, "new.bin"), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
with os.fdopen(fd, "wb") as f:
    f.write(b"\x00\x01\x02")
try:
    os.open(os.path.join(d, "new.bin"), os.O_WRONLY | os.O_CREAT | os.O_EXCL)
except FileExistsError as e:
    print("exists:", e.errno)
with open(os.path.join(d, "new.bin"), "rb") as f:
    print(f.read())

with tempfile.NamedTemporaryFile("w+", suffix=".log", dir=d) as tf:
    tf.write("line1\nline2\n")
    tf.seek(0)
    print(tf.readlines(), tf.name.endswith(".log"), os.path.exists(tf.name))
    name = tf.name
print("deleted:", not os.path.exists(name))

tf = tempfile.NamedTemporaryFile(mode="w", delete=False, dir=d)
tf.write("kept")
tf.close()
with open(tf.name) as f:
    print(f.read(), os.path.exists(tf.name))

with tempfile.TemporaryFile() as t:
    t.write(b"abc")
    t.seek(0)
    print(t.read())
with tempfile.TemporaryFile("w+") as t:
    t.write("text")
    t.seek(0)
    print(t.read())

with tempfile.TemporaryDirectory() as td:
    p = os.path.join(td, "a", "b")
    os.makedirs(p)
    with open(os.path.join(p, "f.txt"), "w") as f:
        f.write("x")
    print(sorted(os.listdir(td)), os.path.isdir(td))
print("removed:", not os.path.exists(td))

td = tempfile.TemporaryDirectory(dir=d)
print(repr(td).startswith("<TemporaryDirectory '"), os.path.isdir(td.name))
td.cleanup()
print(os.path.exists(td.name))

with tempfile.SpooledTemporaryFile(max_size=10, mode="w+") as sp:
    sp.write("small")
    sp.seek(0)
    print(sp.read())


class P:
    def __init__(self, p):
        self.p = p

    def __fspath__(self):
        return self.p


with open(P(path)) as f:
    print(f.readline().strip())
try:
    open(3.5)
except TypeError as e:
    print(e)

import shutil
shutil.rmtree(d)
print(os.path.exists(d))
