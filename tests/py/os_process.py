# os.system, os.popen, os.isatty, os.getppid, os.fsync and os._exit (which
# ends the process at once: nothing after it runs).
import os, sys, tempfile
_p = os.path.join(tempfile.mkdtemp(), "fsync_test")
print("start", flush=True)
print(os.system("echo from-system"), os.system("exit 3"))
with os.popen("echo a; echo b") as p:
    print(p.read().split())
p = os.popen("exit 2")
print(repr(p.read()), p.close())
print(os.isatty(99), type(os.getppid()).__name__)
fd = os.open(_p, os.O_WRONLY | os.O_CREAT)
os.write(fd, b"abc"); os.fsync(fd); os.close(fd)
print(open(_p).read())
print("before _exit", flush=True)
os._exit(5)
print("not reached")
