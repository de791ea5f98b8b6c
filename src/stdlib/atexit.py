"""atexit for weft: functions run when the program ends (weft's command
calls `_run_exitfuncs` after the main module, even after an uncaught
exception or sys.exit), last registered first."""

import sys

_handlers = []


def register(func, *args, **kwargs):
    _handlers.append((func, args, kwargs))
    return func


def unregister(func):
    _handlers[:] = [h for h in _handlers if h[0] != func]


def _clear():
    del _handlers[:]


def _ncallbacks():
    return len(_handlers)


def _run_exitfuncs():
    exit_exc = None
    while _handlers:
        func, args, kwargs = _handlers.pop()
        try:
            func(*args, **kwargs)
        except SystemExit as e:
            exit_exc = e
        except BaseException as e:
            import traceback
            print("Exception ignored in atexit callback: %r" % (func,), file=sys.stderr)
            tb = e.__traceback__
            traceback.print_exception(type(e), e, tb.tb_next if tb is not None else None)
    if exit_exc is not None:
        raise exit_exc
