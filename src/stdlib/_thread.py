"""_thread for weft: the low-level names over weft's threading (green
threads on tasklets): get_ident, allocate_lock, start_new_thread."""

import threading as _threading

error = RuntimeError
TIMEOUT_MAX = 2 ** 31
LockType = type(_threading.Lock())
RLock = _threading.RLock
get_ident = _threading.get_ident


def allocate_lock():
    return _threading.Lock()


def start_new_thread(function, args, kwargs=None):
    t = _threading.Thread(target=function, args=args, kwargs=kwargs or {})
    t.daemon = True
    t.start()
    return t.ident


def get_native_id():
    return get_ident()


def _count():
    return _threading.active_count() - 1


def interrupt_main(signum=2):
    raise KeyboardInterrupt


def exit():
    raise SystemExit


def stack_size(size=0):
    return 0
