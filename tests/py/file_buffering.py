# Buffered file writes: data reaches the file on close, flush, seek, tell,
# read, fileno, when the object is dropped and at the end of the program
# (a file never closed); mixed reads and writes keep their order.
import os, tempfile, subprocess, sys
d = tempfile.mkdtemp()
p = os.path.join(d, "f")
g = open(p + "2", "w+")
g.write("hello world")
g.seek(0)
print(repr(g.read()))
g.write("!")
print(g.tell())
g.seek(0)
print(repr(g.read()))
g.close()
with open(p + "3", "w") as h:
    for i in range(100000):
        h.write("%d\n" % i)
print(sum(1 for _ in open(p + "3")), os.path.getsize(p + "3"))
with open(p + "4", "a") as a:
    a.write("x")
with open(p + "4", "a") as a:
    a.write("y")
    a.flush()
    print(open(p + "4").read()[-2:])
with open(p + "5", "wb") as b:
    b.write(b"\x00\x01")
    print(b.tell())
print(open(p + "5", "rb").read())
def scope():
    k = open(p + "6", "w")
    k.write("dropped")
scope()
print(open(p + "6").read())
# a file left open by a finished program is complete
code = "f = open(%r, 'w')\nf.write('unclosed\\n' * 3)\n" % (p + "8")
subprocess.run([sys.executable, "-c", code])
print(open(p + "8").read().count("unclosed"))
