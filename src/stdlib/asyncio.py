"""asyncio for weft: a single-threaded event loop for `async def`
coroutines — run, create_task, sleep, gather, wait_for, wait,
as_completed, shield, timeout; Future and Task; Queue, Lock, Event,
Semaphore, Condition. Timers sleep the running tasklet; there is no I/O
multiplexing (no sockets, subprocesses or signal handlers)."""

import heapq as _heapq
import time as _time
from collections import deque as _deque

__all__ = ["run", "sleep", "gather", "wait_for", "wait", "as_completed",
           "create_task", "ensure_future", "shield", "get_event_loop",
           "get_running_loop", "new_event_loop", "set_event_loop",
           "current_task", "all_tasks", "iscoroutine", "Future", "Task",
           "Queue", "LifoQueue", "PriorityQueue", "QueueEmpty", "QueueFull",
           "Lock", "Event", "Semaphore", "BoundedSemaphore", "Condition",
           "CancelledError", "TimeoutError", "InvalidStateError",
           "FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED", "timeout",
           "TaskGroup"]

FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"

TimeoutError = TimeoutError


class CancelledError(BaseException):
    pass


class InvalidStateError(Exception):
    pass


class QueueEmpty(Exception):
    pass


class QueueFull(Exception):
    pass


for _c in (CancelledError, InvalidStateError, QueueEmpty, QueueFull):
    _c.__module__ = "asyncio.exceptions"

_PENDING, _CANCELLED, _FINISHED = "PENDING", "CANCELLED", "FINISHED"
_running_loop = None
_event_loop = None


# ---------------------------------------------------------------- futures

class Future:
    """A result that will be set later; awaiting it suspends the task."""

    _asyncio_future_blocking = False

    def __init__(self, *, loop=None):
        self._loop = loop if loop is not None else get_event_loop()
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._callbacks = []
        self._cancel_message = None

    def __repr__(self):
        info = self._state.lower()
        if self._state == _FINISHED:
            if self._exception is not None:
                info += " exception=%r" % (self._exception,)
            else:
                info += " result=%r" % (self._result,)
        return "<%s %s>" % (type(self).__name__, info)

    def get_loop(self):
        return self._loop

    def done(self):
        return self._state != _PENDING

    def cancelled(self):
        return self._state == _CANCELLED

    def cancel(self, msg=None):
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def result(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError("Result is not ready.")
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError("Exception is not set.")
        return self._exception

    def _make_cancelled_error(self):
        if self._cancel_message is None:
            return CancelledError()
        return CancelledError(self._cancel_message)

    def set_result(self, result):
        if self._state != _PENDING:
            raise InvalidStateError("invalid state")
        self._result = result
        self._state = _FINISHED
        self._schedule_callbacks()

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise InvalidStateError("invalid state")
        if isinstance(exception, type):
            exception = exception()
        if isinstance(exception, StopIteration):
            raise TypeError("StopIteration interacts badly with generators "
                            "and cannot be raised into a Future")
        self._exception = exception
        self._state = _FINISHED
        self._schedule_callbacks()

    def add_done_callback(self, fn, *, context=None):
        if self._state != _PENDING:
            self._loop.call_soon(fn, self)
        else:
            self._callbacks.append(fn)

    def remove_done_callback(self, fn):
        n = len(self._callbacks)
        self._callbacks = [f for f in self._callbacks if f != fn]
        return n - len(self._callbacks)

    def _schedule_callbacks(self):
        callbacks, self._callbacks = self._callbacks, []
        for fn in callbacks:
            self._loop.call_soon(fn, self)

    def __await__(self):
        if not self.done():
            self._asyncio_future_blocking = True
            yield self
        if not self.done():
            raise RuntimeError("await wasn't used with future")
        return self.result()

    __iter__ = __await__


def isfuture(obj):
    return isinstance(obj, Future)


def iscoroutine(obj):
    return type(obj).__name__ in ("generator", "coroutine") and hasattr(obj, "send")


def iscoroutinefunction(func):
    return getattr(func, "_is_coroutine", False) or callable(func) and False


_task_counter = 0
_current_tasks = {}
_all_tasks = set()


class Task(Future):
    """Runs a coroutine on the loop, one step per wake-up."""

    def __init__(self, coro, *, loop=None, name=None):
        super().__init__(loop=loop)
        global _task_counter
        if not iscoroutine(coro):
            raise TypeError("a coroutine was expected, got %r" % (coro,))
        _task_counter += 1
        self._name = name if name is not None else "Task-%d" % _task_counter
        self._coro = coro
        self._fut_waiter = None
        self._must_cancel = False
        self._cancel_requests = 0
        self._loop.call_soon(self._step)
        _all_tasks.add(self)

    def __repr__(self):
        return "<Task %s name=%r coro=%r>" % (self._state.lower(), self._name, self._coro)

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def get_coro(self):
        return self._coro

    def cancelling(self):
        return self._cancel_requests

    def uncancel(self):
        if self._cancel_requests > 0:
            self._cancel_requests -= 1
        return self._cancel_requests

    def cancel(self, msg=None):
        if self.done():
            return False
        self._cancel_requests += 1
        if self._fut_waiter is not None:
            if self._fut_waiter.cancel(msg=msg):
                return True
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def _step(self, exc=None):
        if self.done():
            return
        if self._must_cancel:
            if not isinstance(exc, CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        self._fut_waiter = None
        _current_tasks[self._loop] = self
        try:
            if exc is None:
                result = self._coro.send(None)
            else:
                result = self._coro.throw(exc)
        except StopIteration as e:
            if self._must_cancel:
                self._must_cancel = False
                super().cancel(msg=self._cancel_message)
            else:
                super().set_result(e.value)
        except CancelledError as e:
            self._cancel_message = e.args[0] if e.args else None
            super().cancel(msg=self._cancel_message)
        except (KeyboardInterrupt, SystemExit) as e:
            super().set_exception(e)
            raise
        except BaseException as e:
            super().set_exception(e)
        else:
            self._handle_yield(result)
        finally:
            _current_tasks.pop(self._loop, None)
            if self.done():
                _all_tasks.discard(self)

    def _handle_yield(self, result):
        if isinstance(result, Future) and result._asyncio_future_blocking:
            if result is self:
                self._loop.call_soon(self._step, RuntimeError("Task cannot await on itself: %r" % (self,)))
                return
            result._asyncio_future_blocking = False
            result.add_done_callback(self._wakeup)
            self._fut_waiter = result
            if self._must_cancel:
                if self._fut_waiter.cancel(msg=self._cancel_message):
                    self._must_cancel = False
        elif result is None:
            self._loop.call_soon(self._step)
        else:
            self._loop.call_soon(self._step, RuntimeError("Task got bad yield: %r" % (result,)))

    def _wakeup(self, future):
        try:
            future.result()
        except BaseException as exc:
            self._step(exc)
        else:
            self._step()


# ---------------------------------------------------------------- loop

class Handle:
    def __init__(self, callback, args, loop):
        self._callback = callback
        self._args = args
        self._loop = loop
        self._cancelled = False

    def cancel(self):
        self._cancelled = True

    def cancelled(self):
        return self._cancelled

    def _run(self):
        self._callback(*self._args)


class TimerHandle(Handle):
    def __init__(self, when, callback, args, loop):
        super().__init__(callback, args, loop)
        self._when = when

    def when(self):
        return self._when

    def __lt__(self, other):
        return self._when < other._when


class AbstractEventLoop:
    pass


class BaseEventLoop(AbstractEventLoop):
    def __init__(self):
        self._ready = _deque()
        self._scheduled = []
        self._seq = 0
        self._stopping = False
        self._running = False
        self._closed = False
        self._exception_handler = None

    def time(self):
        return _time.monotonic()

    def call_soon(self, callback, *args, context=None):
        h = Handle(callback, args, self)
        self._ready.append(h)
        return h

    call_soon_threadsafe = call_soon

    def call_later(self, delay, callback, *args, context=None):
        return self.call_at(self.time() + delay, callback, *args)

    def call_at(self, when, callback, *args, context=None):
        h = TimerHandle(when, callback, args, self)
        self._seq += 1
        _heapq.heappush(self._scheduled, (when, self._seq, h))
        return h

    def create_future(self):
        return Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        return Task(coro, loop=self, name=name)

    def is_running(self):
        return self._running

    def is_closed(self):
        return self._closed

    def close(self):
        self._closed = True
        self._ready.clear()
        self._scheduled.clear()

    def stop(self):
        self._stopping = True

    def set_exception_handler(self, handler):
        self._exception_handler = handler

    def get_exception_handler(self):
        return self._exception_handler

    def default_exception_handler(self, context):
        import sys
        print(context.get("message", "Unhandled exception in event loop"), file=sys.stderr)

    def call_exception_handler(self, context):
        if self._exception_handler is not None:
            self._exception_handler(self, context)
        else:
            self.default_exception_handler(context)

    def _run_once(self):
        if not self._ready and self._scheduled:
            when = self._scheduled[0][0]
            delay = when - self.time()
            if delay > 0:
                _time.sleep(delay)
        now = self.time()
        while self._scheduled and self._scheduled[0][0] <= now:
            h = _heapq.heappop(self._scheduled)[2]
            if not h._cancelled:
                self._ready.append(h)
        for _ in range(len(self._ready)):
            h = self._ready.popleft()
            if not h._cancelled:
                h._run()

    def _check_running(self):
        global _running_loop
        if self._closed:
            raise RuntimeError("Event loop is closed")
        if self._running:
            raise RuntimeError("This event loop is already running")
        if _running_loop is not None:
            raise RuntimeError("Cannot run the event loop while another loop is running")

    def run_forever(self):
        global _running_loop
        self._check_running()
        self._running = True
        _running_loop = self
        try:
            while not self._stopping:
                if not self._ready and not self._scheduled:
                    break
                self._run_once()
        finally:
            self._stopping = False
            self._running = False
            _running_loop = None

    def run_until_complete(self, future):
        global _running_loop
        self._check_running()
        fut = ensure_future(future, loop=self)
        self._running = True
        _running_loop = self
        try:
            while not fut.done():
                if not self._ready and not self._scheduled:
                    raise RuntimeError("Event loop stopped before Future completed.")
                self._run_once()
        finally:
            self._running = False
            _running_loop = None
        return fut.result()

    def run_in_executor(self, executor, func, *args):
        fut = self.create_future()
        try:
            fut.set_result(func(*args))
        except BaseException as e:
            fut.set_exception(e)
        return fut

    async def shutdown_asyncgens(self):
        import _weft_async
        await _weft_async.shutdown_orphans()

    async def shutdown_default_executor(self):
        pass


class SelectorEventLoop(BaseEventLoop):
    pass


EventLoop = SelectorEventLoop


def new_event_loop():
    return SelectorEventLoop()


def get_running_loop():
    if _running_loop is None:
        raise RuntimeError("no running event loop")
    return _running_loop


def _get_running_loop():
    return _running_loop


def get_event_loop():
    global _event_loop
    if _running_loop is not None:
        return _running_loop
    if _event_loop is None or _event_loop.is_closed():
        _event_loop = new_event_loop()
    return _event_loop


def set_event_loop(loop):
    global _event_loop
    _event_loop = loop


def current_task(loop=None):
    if loop is None:
        loop = get_running_loop()
    return _current_tasks.get(loop)


def all_tasks(loop=None):
    if loop is None:
        loop = get_running_loop()
    return {t for t in _all_tasks if t._loop is loop and not t.done()}


def ensure_future(coro_or_future, *, loop=None):
    if isinstance(coro_or_future, Future):
        return coro_or_future
    if loop is None:
        loop = get_event_loop()
    if iscoroutine(coro_or_future):
        return loop.create_task(coro_or_future)
    if hasattr(coro_or_future, "__await__"):
        async def _wrap(aw):
            return await aw
        return loop.create_task(_wrap(coro_or_future))
    raise TypeError("An asyncio.Future, a coroutine or an awaitable is required")


def create_task(coro, *, name=None, context=None):
    return get_running_loop().create_task(coro, name=name)


def _cancel_all_tasks(loop):
    to_cancel = all_tasks(loop)
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(gather(*to_cancel, return_exceptions=True))
    for task in to_cancel:
        if task.cancelled():
            continue
        if task.exception() is not None:
            loop.call_exception_handler({
                "message": "unhandled exception during asyncio.run() shutdown",
                "exception": task.exception(), "task": task})


def run(main, *, debug=None):
    if _running_loop is not None:
        raise RuntimeError("asyncio.run() cannot be called from a running event loop")
    if not iscoroutine(main):
        raise ValueError("a coroutine was expected, got %r" % (main,))
    loop = new_event_loop()
    set_event_loop(loop)
    try:
        return loop.run_until_complete(main)
    finally:
        try:
            _cancel_all_tasks(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
        finally:
            set_event_loop(None)
            loop.close()


class Runner:
    def __init__(self, *, debug=None, loop_factory=None):
        self._loop = (loop_factory or new_event_loop)()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def run(self, coro, *, context=None):
        return self._loop.run_until_complete(coro)

    def get_loop(self):
        return self._loop

    def close(self):
        try:
            _cancel_all_tasks(self._loop)
        finally:
            self._loop.close()


# ---------------------------------------------------------------- tasks

class _Yield:
    """Awaitable that gives the loop one turn (sleep(0))."""

    def __await__(self):
        yield


async def sleep(delay, result=None):
    if delay <= 0:
        await _Yield()
        return result
    loop = get_running_loop()
    fut = loop.create_future()
    h = loop.call_later(delay, _set_result_unless_cancelled, fut, result)
    try:
        return await fut
    finally:
        h.cancel()


def _set_result_unless_cancelled(fut, result):
    if not fut.cancelled():
        fut.set_result(result)


class _GatheringFuture(Future):
    def __init__(self, children, *, loop):
        super().__init__(loop=loop)
        self._children = children

    def cancel(self, msg=None):
        if self.done():
            return False
        ret = False
        for child in self._children:
            if child.cancel(msg=msg):
                ret = True
        return ret


def gather(*coros_or_futures, return_exceptions=False):
    loop = _running_loop or get_event_loop()
    if not coros_or_futures:
        outer = loop.create_future()
        outer.set_result([])
        return outer
    children = []
    arg_to_fut = {}
    for arg in coros_or_futures:
        fut = arg_to_fut.get(id(arg))
        if fut is None:
            fut = ensure_future(arg, loop=loop)
            arg_to_fut[id(arg)] = fut
        children.append(fut)
    outer = _GatheringFuture(children, loop=loop)
    pending = [len(arg_to_fut)]

    def _done_callback(fut):
        pending[0] -= 1
        if outer.done():
            if not fut.cancelled():
                fut.exception()
            return
        if not return_exceptions:
            if fut.cancelled():
                outer.set_exception(fut._make_cancelled_error())
                return
            exc = fut.exception()
            if exc is not None:
                outer.set_exception(exc)
                return
        if pending[0] == 0:
            results = []
            for f in children:
                if f.cancelled():
                    res = f._make_cancelled_error()
                else:
                    res = f.exception()
                    if res is None:
                        res = f.result()
                results.append(res)
            outer.set_result(results)

    for fut in arg_to_fut.values():
        fut.add_done_callback(_done_callback)
    return outer


async def wait_for(fut, timeout):
    loop = get_running_loop()
    fut = ensure_future(fut, loop=loop)
    if timeout is None:
        return await fut
    if timeout <= 0:
        if fut.done():
            return fut.result()
        fut.cancel()
        raise TimeoutError()
    waiter = loop.create_future()
    timed_out = []

    def _on_timeout():
        timed_out.append(True)
        if not waiter.done():
            waiter.set_result(None)

    def _on_done(_):
        if not waiter.done():
            waiter.set_result(None)

    h = loop.call_later(timeout, _on_timeout)
    fut.add_done_callback(_on_done)
    try:
        try:
            await waiter
        except CancelledError:
            fut.remove_done_callback(_on_done)
            fut.cancel()
            raise
        if fut.done():
            return fut.result()
        fut.remove_done_callback(_on_done)
        fut.cancel()
        try:
            await _Waiter(fut)
        except CancelledError:
            pass
        if fut.done() and not fut.cancelled():
            return fut.result()
        raise TimeoutError()
    finally:
        h.cancel()


class _Waiter:
    """Awaits a future's completion without raising its exception."""

    def __init__(self, fut):
        self._fut = fut

    def __await__(self):
        while not self._fut.done():
            yield from _done_waiter(self._fut).__await__()


def _done_waiter(fut):
    w = fut._loop.create_future()

    def _cb(_):
        if not w.done():
            w.set_result(None)
    fut.add_done_callback(_cb)
    return w


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError("expect a list of futures, not %s" % type(fs).__name__)
    fs = list(fs)
    if not fs:
        raise ValueError("Set of Tasks/Futures is empty.")
    loop = get_running_loop()
    fs = {ensure_future(f, loop=loop) for f in fs}
    waiter = loop.create_future()
    counter = [len(fs)]
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _set_result_unless_done, waiter)

    def _on_completion(f):
        counter[0] -= 1
        if (counter[0] <= 0 or return_when == FIRST_COMPLETED or
                (return_when == FIRST_EXCEPTION and not f.cancelled() and f.exception() is not None)):
            _set_result_unless_done(waiter)

    for f in fs:
        f.add_done_callback(_on_completion)
    try:
        if not any(_satisfied(fs, return_when)):
            await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(_on_completion)
    done = {f for f in fs if f.done()}
    return done, fs - done


def _satisfied(fs, return_when):
    done = [f for f in fs if f.done()]
    if return_when == ALL_COMPLETED:
        yield len(done) == len(fs)
    elif return_when == FIRST_COMPLETED:
        yield bool(done)
    else:
        yield len(done) == len(fs) or any(not f.cancelled() and f.exception() is not None for f in done)


def _set_result_unless_done(fut):
    if not fut.done():
        fut.set_result(None)


def as_completed(fs, *, timeout=None):
    loop = _running_loop or get_event_loop()
    todo = [ensure_future(f, loop=loop) for f in dict.fromkeys(fs)]
    done_q = _deque()
    waiters = _deque()

    def _on_completion(f):
        done_q.append(f)
        while waiters:
            w = waiters.popleft()
            if not w.done():
                w.set_result(None)
                break

    for f in todo:
        f.add_done_callback(_on_completion)
    deadline = None if timeout is None else loop.time() + timeout

    async def _wait_for_one():
        while not done_q:
            w = loop.create_future()
            waiters.append(w)
            if deadline is None:
                await w
            else:
                try:
                    await wait_for(w, max(0, deadline - loop.time()))
                except TimeoutError:
                    raise TimeoutError() from None
        return done_q.popleft().result()

    for _ in range(len(todo)):
        yield _wait_for_one()


def shield(arg):
    inner = ensure_future(arg)
    if inner.done():
        return inner
    loop = inner._loop
    outer = loop.create_future()

    def _inner_done(inner):
        if outer.cancelled():
            return
        if inner.cancelled():
            outer.cancel()
        elif inner.exception() is not None:
            outer.set_exception(inner.exception())
        else:
            outer.set_result(inner.result())

    inner.add_done_callback(_inner_done)
    return outer


class Timeout:
    """`async with asyncio.timeout(delay)`: cancels the task at the
    deadline and turns the cancellation into TimeoutError."""

    def __init__(self, when):
        self._when = when
        self._handle = None
        self._task = None
        self._expired = False

    def when(self):
        return self._when

    def reschedule(self, when):
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        self._when = when
        if when is not None and self._task is not None:
            self._handle = get_running_loop().call_at(when, self._on_timeout)

    def expired(self):
        return self._expired

    async def __aenter__(self):
        self._task = current_task()
        if self._task is None:
            raise RuntimeError("Timeout should be used inside a task")
        self.reschedule(self._when)
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        if self._expired and exc_type is CancelledError:
            self._task.uncancel()
            raise TimeoutError from exc_val
        return None

    def _on_timeout(self):
        self._expired = True
        self._task.cancel()
        self._handle = None


def timeout(delay):
    loop = get_running_loop()
    return Timeout(loop.time() + delay if delay is not None else None)


def timeout_at(when):
    return Timeout(when)


class TaskGroup:
    """`async with asyncio.TaskGroup() as tg: tg.create_task(...)`: waits
    for every task; the first failure cancels the rest, and the failures
    are raised together as an ExceptionGroup (as in CPython 3.11)."""

    def __init__(self):
        self._tasks = set()
        self._errors = []
        self._entered = False
        self._exiting = False
        self._aborting = False
        self._parent_task = None
        self._parent_cancel_requested = False
        self._waiter = None

    def __repr__(self):
        return "<TaskGroup tasks=%d errors=%d>" % (len(self._tasks), len(self._errors))

    async def __aenter__(self):
        if self._entered:
            raise RuntimeError("TaskGroup %r has been already entered" % (self,))
        self._entered = True
        self._loop = get_running_loop()
        self._parent_task = current_task()
        if self._parent_task is None:
            raise RuntimeError("TaskGroup %r cannot determine the parent task" % (self,))
        return self

    async def __aexit__(self, et, exc, tb):
        self._exiting = True
        propagate_cancellation_error = None
        if exc is not None and self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        if et is not None and issubclass(et, CancelledError):
            propagate_cancellation_error = exc
        if et is not None and not self._aborting:
            self._abort()
        while self._tasks:
            if self._waiter is None:
                self._waiter = self._loop.create_future()
            try:
                await self._waiter
            except CancelledError as ex:
                if not self._aborting:
                    propagate_cancellation_error = ex
                    self._abort()
            self._waiter = None
        if self._base_error is not None:
            raise self._base_error
        if propagate_cancellation_error is not None and not self._errors:
            raise propagate_cancellation_error
        if et is not None and not issubclass(et, CancelledError):
            self._errors.append(exc)
        if self._errors:
            errors = self._errors
            self._errors = None
            raise BaseExceptionGroup("unhandled errors in a TaskGroup", errors)
        return None

    _base_error = None

    @staticmethod
    def _is_base_error(exc):
        return isinstance(exc, (SystemExit, KeyboardInterrupt))

    def create_task(self, coro, *, name=None, context=None):
        if not self._entered:
            raise RuntimeError("TaskGroup %r has not been entered" % (self,))
        if self._exiting and not self._tasks:
            raise RuntimeError("TaskGroup %r is finished" % (self,))
        if self._aborting:
            raise RuntimeError("TaskGroup %r is shutting down" % (self,))
        task = self._loop.create_task(coro, name=name)
        if task.done():
            self._on_task_done(task)
        else:
            self._tasks.add(task)
            task.add_done_callback(self._on_task_done)
        return task

    def _abort(self):
        self._aborting = True
        for t in self._tasks:
            if not t.done():
                t.cancel()

    def _on_task_done(self, task):
        self._tasks.discard(task)
        if self._waiter is not None and not self._tasks and not self._waiter.done():
            self._waiter.set_result(True)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            return
        self._errors.append(exc)
        if self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        if not self._aborting:
            self._abort()
            if not self._parent_task.done() and not self._exiting:
                self._parent_cancel_requested = True
                self._parent_task.cancel()


# ---------------------------------------------------------------- locks

class Lock:
    def __init__(self):
        self._locked = False
        self._waiters = _deque()

    def __repr__(self):
        return "<asyncio.locks.Lock object [%s]>" % ("locked" if self._locked else "unlocked")

    def locked(self):
        return self._locked

    async def acquire(self):
        if not self._locked and not self._waiters:
            self._locked = True
            return True
        fut = get_running_loop().create_future()
        self._waiters.append(fut)
        try:
            await fut
        except CancelledError:
            if fut in self._waiters:
                self._waiters.remove(fut)
            if fut.done() and not fut.cancelled():
                self._wake_next()
            raise
        self._locked = True
        return True

    def release(self):
        if not self._locked:
            raise RuntimeError("Lock is not acquired.")
        self._locked = False
        self._wake_next()

    def _wake_next(self):
        while self._waiters:
            fut = self._waiters.popleft()
            if not fut.done():
                fut.set_result(True)
                return

    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, *exc):
        self.release()


class Event:
    def __init__(self):
        self._value = False
        self._waiters = []

    def is_set(self):
        return self._value

    def set(self):
        if not self._value:
            self._value = True
            for fut in self._waiters:
                if not fut.done():
                    fut.set_result(True)

    def clear(self):
        self._value = False

    async def wait(self):
        if self._value:
            return True
        fut = get_running_loop().create_future()
        self._waiters.append(fut)
        try:
            await fut
            return True
        finally:
            self._waiters.remove(fut)


class Semaphore:
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("Semaphore initial value must be >= 0")
        self._value = value
        self._waiters = _deque()

    def locked(self):
        return self._value == 0

    async def acquire(self):
        while self._value <= 0:
            fut = get_running_loop().create_future()
            self._waiters.append(fut)
            try:
                await fut
            finally:
                if fut in self._waiters:
                    self._waiters.remove(fut)
        self._value -= 1
        return True

    def release(self):
        self._value += 1
        while self._waiters:
            fut = self._waiters.popleft()
            if not fut.done():
                fut.set_result(True)
                break

    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, *exc):
        self.release()


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        self._bound_value = value
        super().__init__(value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError("BoundedSemaphore released too many times")
        super().release()


class Condition:
    def __init__(self, lock=None):
        self._lock = lock if lock is not None else Lock()
        self._waiters = _deque()
        self.locked = self._lock.locked
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    async def __aenter__(self):
        await self._lock.acquire()
        return None

    async def __aexit__(self, *exc):
        self._lock.release()

    async def wait(self):
        if not self._lock.locked():
            raise RuntimeError("cannot wait on un-acquired lock")
        self._lock.release()
        fut = get_running_loop().create_future()
        self._waiters.append(fut)
        try:
            await fut
            return True
        finally:
            if fut in self._waiters:
                self._waiters.remove(fut)
            await self._lock.acquire()

    async def wait_for(self, predicate):
        result = predicate()
        while not result:
            await self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        if not self._lock.locked():
            raise RuntimeError("cannot notify on un-acquired lock")
        idx = 0
        for fut in list(self._waiters):
            if idx >= n:
                break
            if not fut.done():
                idx += 1
                fut.set_result(False)

    def notify_all(self):
        self.notify(len(self._waiters))


# ---------------------------------------------------------------- queues

class Queue:
    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._getters = _deque()
        self._putters = _deque()
        self._unfinished_tasks = 0
        self._finished = Event()
        self._finished.set()
        self._init(maxsize)

    def _init(self, maxsize):
        self._queue = _deque()

    def _get(self):
        return self._queue.popleft()

    def _put(self, item):
        self._queue.append(item)

    def __repr__(self):
        return "<%s maxsize=%r>" % (type(self).__name__, self._maxsize)

    @property
    def maxsize(self):
        return self._maxsize

    def qsize(self):
        return len(self._queue)

    def empty(self):
        return not self._queue

    def full(self):
        return 0 < self._maxsize <= self.qsize()

    def _wakeup_next(self, waiters):
        while waiters:
            w = waiters.popleft()
            if not w.done():
                w.set_result(None)
                break

    async def put(self, item):
        while self.full():
            putter = get_running_loop().create_future()
            self._putters.append(putter)
            try:
                await putter
            except BaseException:
                putter.cancel()
                if putter in self._putters:
                    self._putters.remove(putter)
                if not self.full() and not putter.cancelled():
                    self._wakeup_next(self._putters)
                raise
        return self.put_nowait(item)

    def put_nowait(self, item):
        if self.full():
            raise QueueFull
        self._put(item)
        self._unfinished_tasks += 1
        self._finished.clear()
        self._wakeup_next(self._getters)

    async def get(self):
        while self.empty():
            getter = get_running_loop().create_future()
            self._getters.append(getter)
            try:
                await getter
            except BaseException:
                getter.cancel()
                if getter in self._getters:
                    self._getters.remove(getter)
                if not self.empty() and not getter.cancelled():
                    self._wakeup_next(self._getters)
                raise
        return self.get_nowait()

    def get_nowait(self):
        if self.empty():
            raise QueueEmpty
        item = self._get()
        self._wakeup_next(self._putters)
        return item

    def task_done(self):
        if self._unfinished_tasks <= 0:
            raise ValueError("task_done() called too many times")
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0:
            self._finished.set()

    async def join(self):
        if self._unfinished_tasks > 0:
            await self._finished.wait()


class PriorityQueue(Queue):
    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        _heapq.heappush(self._queue, item)

    def _get(self):
        return _heapq.heappop(self._queue)


class LifoQueue(Queue):
    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.pop()


async def to_thread(func, *args, **kwargs):
    return func(*args, **kwargs)
