# atexit handlers run after an uncaught exception; a failing handler is reported
import atexit, time, sys
def h():
    time.sleep(0.01)
    print("handler after sleep", [x * 2 for x in range(3)])
    sys.stdout.flush()
atexit.register(h)
atexit.register(lambda: print("lambda first"))
def bad(): raise ValueError("in handler")
atexit.register(bad)
raise KeyError("main fails")
