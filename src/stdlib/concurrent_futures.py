"""concurrent.futures for weft: Future, ThreadPoolExecutor (workers are
weft threads, i.e. tasklets), ProcessPoolExecutor (the same pool: weft has
no processes; callables need not be picklable), wait, as_completed."""

import threading as _threading
import time as _time
from collections import deque as _deque

__all__ = ["Future", "Executor", "ThreadPoolExecutor", "ProcessPoolExecutor",
           "wait", "as_completed", "FIRST_COMPLETED", "FIRST_EXCEPTION",
           "ALL_COMPLETED", "CancelledError", "TimeoutError", "BrokenExecutor",
           "InvalidStateError"]

FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"

_PENDING, _RUNNING, _CANCELLED, _FINISHED = "PENDING", "RUNNING", "CANCELLED", "FINISHED"


class Error(Exception):
    pass


class CancelledError(Error):
    pass


TimeoutError = TimeoutError


class InvalidStateError(Error):
    pass


class BrokenExecutor(RuntimeError):
    pass


class Future:
    def __init__(self):
        self._condition = _threading.Condition()
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._callbacks = []
        self._waiters = []

    def __repr__(self):
        with self._condition:
            if self._state == _FINISHED:
                if self._exception:
                    return "<Future at %#x state=finished raised %s>" % (id(self), type(self._exception).__name__)
                return "<Future at %#x state=finished returned %s>" % (id(self), type(self._result).__name__)
            return "<Future at %#x state=%s>" % (id(self), self._state.lower())

    def cancel(self):
        with self._condition:
            if self._state in (_RUNNING, _FINISHED):
                return False
            if self._state == _CANCELLED:
                return True
            self._state = _CANCELLED
            self._condition.notify_all()
        self._done()
        return True

    def cancelled(self):
        return self._state == _CANCELLED

    def running(self):
        return self._state == _RUNNING

    def done(self):
        return self._state in (_CANCELLED, _FINISHED)

    def _done(self):
        for w in list(self._waiters):
            w.set()
        for fn in self._callbacks:
            try:
                fn(self)
            except Exception as e:
                import sys
                print("exception calling callback for %r: %r" % (self, e), file=sys.stderr)

    def add_done_callback(self, fn):
        with self._condition:
            if self._state not in (_CANCELLED, _FINISHED):
                self._callbacks.append(fn)
                return
        fn(self)

    def _wait(self, timeout):
        with self._condition:
            if self._state in (_CANCELLED, _FINISHED):
                return
            self._condition.wait(timeout)
            if self._state not in (_CANCELLED, _FINISHED):
                raise TimeoutError()

    def result(self, timeout=None):
        self._wait(timeout)
        if self._state == _CANCELLED:
            raise CancelledError()
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self, timeout=None):
        self._wait(timeout)
        if self._state == _CANCELLED:
            raise CancelledError()
        return self._exception

    def set_running_or_notify_cancel(self):
        with self._condition:
            if self._state == _CANCELLED:
                return False
            if self._state == _PENDING:
                self._state = _RUNNING
                return True
            raise RuntimeError("Future in unexpected state")

    def set_result(self, result):
        with self._condition:
            if self._state in (_CANCELLED, _FINISHED):
                raise InvalidStateError("%s: %r" % (self._state, self))
            self._result = result
            self._state = _FINISHED
            self._condition.notify_all()
        self._done()

    def set_exception(self, exception):
        with self._condition:
            if self._state in (_CANCELLED, _FINISHED):
                raise InvalidStateError("%s: %r" % (self._state, self))
            self._exception = exception
            self._state = _FINISHED
            self._condition.notify_all()
        self._done()


class Executor:
    def submit(self, fn, /, *args, **kwargs):
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        end = None if timeout is None else _time.monotonic() + timeout
        fs = [self.submit(fn, *args) for args in zip(*iterables)]

        def result_iterator():
            try:
                fs.reverse()
                while fs:
                    f = fs.pop()
                    if end is None:
                        yield f.result()
                    else:
                        yield f.result(end - _time.monotonic())
            finally:
                for f in fs:
                    f.cancel()
        return result_iterator()

    def shutdown(self, wait=True, *, cancel_futures=False):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False


class _WorkItem:
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
        else:
            self.future.set_result(result)


class ThreadPoolExecutor(Executor):
    _counter = 0

    def __init__(self, max_workers=None, thread_name_prefix="", initializer=None, initargs=()):
        if max_workers is None:
            import os
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        ThreadPoolExecutor._counter += 1
        self._max_workers = max_workers
        self._prefix = thread_name_prefix or "ThreadPoolExecutor-%d" % (ThreadPoolExecutor._counter - 1)
        self._initializer = initializer
        self._initargs = initargs
        self._work = _deque()
        self._cond = _threading.Condition()
        self._threads = []
        self._idle = 0
        self._shutdown = False
        self._broken = False

    def submit(self, fn, /, *args, **kwargs):
        with self._cond:
            if self._broken:
                raise BrokenExecutor(self._broken)
            if self._shutdown:
                raise RuntimeError("cannot schedule new futures after shutdown")
            f = Future()
            self._work.append(_WorkItem(f, fn, args, kwargs))
            if self._idle == 0 and len(self._threads) < self._max_workers:
                t = _threading.Thread(target=self._worker,
                                      name="%s_%d" % (self._prefix, len(self._threads)))
                t.daemon = True
                self._threads.append(t)
                t.start()
            else:
                self._cond.notify()
            return f

    def _worker(self):
        if self._initializer is not None:
            try:
                self._initializer(*self._initargs)
            except BaseException:
                with self._cond:
                    self._broken = "A thread initializer failed, the thread pool is not usable anymore"
                    while self._work:
                        self._work.popleft().future.set_exception(BrokenExecutor(self._broken))
                return
        while True:
            with self._cond:
                while not self._work and not self._shutdown:
                    self._idle += 1
                    self._cond.wait()
                    self._idle -= 1
                if not self._work:
                    return
                item = self._work.popleft()
            item.run()

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._cond:
            self._shutdown = True
            if cancel_futures:
                while self._work:
                    self._work.popleft().future.cancel()
            self._cond.notify_all()
        if wait:
            for t in self._threads:
                t.join()


ProcessPoolExecutor = ThreadPoolExecutor


def _collect(fs):
    return {f for f in fs if f.done()}


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    fs = set(fs)
    end = None if timeout is None else _time.monotonic() + timeout
    ev = _threading.Event()
    for f in fs:
        f._waiters.append(ev)
    try:
        while True:
            done = _collect(fs)
            if return_when == FIRST_COMPLETED and done:
                break
            if return_when == FIRST_EXCEPTION and any(
                    not f.cancelled() and f._exception is not None for f in done):
                break
            if len(done) == len(fs):
                break
            remaining = None if end is None else end - _time.monotonic()
            if remaining is not None and remaining <= 0:
                break
            ev.wait(remaining)
            ev.clear()
    finally:
        for f in fs:
            if ev in f._waiters:
                f._waiters.remove(ev)
    done = _collect(fs)
    return DoneAndNotDoneFutures(done, fs - done)


class DoneAndNotDoneFutures(tuple):
    def __new__(cls, done, not_done):
        return tuple.__new__(cls, (done, not_done))

    @property
    def done(self):
        return self[0]

    @property
    def not_done(self):
        return self[1]


def as_completed(fs, timeout=None):
    fs = list(dict.fromkeys(fs))
    end = None if timeout is None else _time.monotonic() + timeout
    pending = set(fs)
    ev = _threading.Event()
    for f in fs:
        f._waiters.append(ev)
    try:
        while pending:
            finished = [f for f in fs if f in pending and f.done()]
            for f in finished:
                pending.discard(f)
                yield f
            if not pending:
                break
            remaining = None if end is None else end - _time.monotonic()
            if remaining is not None and remaining <= 0:
                raise TimeoutError("%d (of %d) futures unfinished" % (len(pending), len(fs)))
            ev.wait(remaining)
            ev.clear()
    finally:
        for f in fs:
            if ev in f._waiters:
                f._waiters.remove(ev)
