# atexit handlers (after main, LIFO, with sys.exit), gc, errno, timeit
import atexit, gc, errno, timeit, sys
def bye(name, punct="!"):
    print("bye", name + punct)
atexit.register(bye, "world")
@atexit.register
def first():
    print("first registered, runs last?")
def removed(): print("never")
atexit.register(removed); atexit.unregister(removed)
print(gc.collect(), gc.isenabled()); gc.disable(); print(gc.isenabled()); gc.enable()
print(errno.ENOENT, errno.errorcode[errno.EEXIST], errno.EACCES)
try: open("/nonexistent/file")
except OSError as e: print(e.errno == errno.ENOENT)
t = timeit.timeit("x = sum(range(100))", number=100); print(type(t).__name__, t >= 0)
t2 = timeit.timeit(lambda: sorted([3, 1, 2]), number=50); print(t2 >= 0)
r = timeit.repeat("a = [i for i in range(10)]", setup="import math", repeat=3, number=10); print(len(r))
tm = timeit.Timer("y = z * 2", setup="z = 21"); print(tm.timeit(5) >= 0)
g = 5
print(timeit.timeit("g + 1", number=3, globals=globals()) >= 0)
print("main done")
sys.exit(3)
