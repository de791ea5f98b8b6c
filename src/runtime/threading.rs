//! `threading` and `queue` on tasklets: ordinary threaded Python runs as
//! green threads on all cores. Written in Python over one native primitive,
//! the parking lock (`lock.rs`), the way CPython's `threading.py` builds
//! everything on `_thread.allocate_lock`. Every blocking call parks the
//! tasklet, never the worker.

use crate::object::{NativeFunc, Payload};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;

const THREADING: &str = r#"
import stackless as _sl
import time as _time

__all__ = ["Thread", "Lock", "RLock", "Condition", "Event", "Semaphore", "BoundedSemaphore",
           "local", "current_thread", "get_ident", "main_thread", "active_count", "enumerate", "TIMEOUT_MAX"]

TIMEOUT_MAX = 1e9
Lock = _allocate_lock
_counter = 0
_threads = {}


def _newname(template="Thread-%d"):
    global _counter
    _counter += 1
    return template % _counter


def get_ident():
    return _sl.getcurrentid() + 1


class RLock:
    def __init__(self):
        self._block = _allocate_lock()
        self._owner = None
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        me = get_ident()
        if self._owner == me:
            self._count += 1
            return True
        if not self._block.acquire(blocking, timeout):
            return False
        self._owner = me
        self._count = 1
        return True

    __enter__ = acquire

    def release(self):
        if self._owner != get_ident():
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if self._count == 0:
            self._owner = None
            self._block.release()

    def __exit__(self, *args):
        self.release()

    def _is_owned(self):
        return self._owner == get_ident()


class Condition:
    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = []

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def _is_owned(self):
        if hasattr(self._lock, "_is_owned"):
            return self._lock._is_owned()
        return self._lock.locked()

    def wait(self, timeout=None):
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        saved = self._release_save()
        try:
            if timeout is None:
                waiter.acquire()
                return True
            got = waiter.acquire(True, timeout) if timeout > 0 else waiter.acquire(False)
            if not got:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass
            return got
        finally:
            self._acquire_restore(saved)

    def _release_save(self):
        if isinstance(self._lock, RLock):
            count = self._lock._count
            self._lock._count = 0
            self._lock._owner = None
            self._lock._block.release()
            return count
        self._lock.release()
        return None

    def _acquire_restore(self, saved):
        if isinstance(self._lock, RLock):
            self._lock._block.acquire()
            self._lock._owner = get_ident()
            self._lock._count = saved
        else:
            self._lock.acquire()

    def wait_for(self, predicate, timeout=None):
        end = None if timeout is None else _time.monotonic() + timeout
        result = predicate()
        while not result:
            if end is not None:
                left = end - _time.monotonic()
                if left <= 0:
                    break
                self.wait(left)
            else:
                self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        for _ in range(min(n, len(self._waiters))):
            self._waiters.pop(0).release()

    def notify_all(self):
        self.notify(len(self._waiters))


class Semaphore:
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        with self._cond:
            if not blocking:
                if self._value > 0:
                    self._value -= 1
                    return True
                return False
            ok = self._cond.wait_for(lambda: self._value > 0, timeout)
            if ok:
                self._value -= 1
            return ok

    __enter__ = acquire

    def release(self, n=1):
        with self._cond:
            self._value += n
            self._cond.notify(n)

    def __exit__(self, *args):
        self.release()


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def release(self, n=1):
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            self._cond.notify(n)


class Event:
    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def is_set(self):
        return self._flag

    def set(self):
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        with self._cond:
            if not self._flag:
                self._cond.wait_for(lambda: self._flag, timeout)
            return self._flag


class local:
    def __init__(self):
        object.__setattr__(self, "_weft_local", {})

    def _ns(self):
        return object.__getattribute__(self, "_weft_local").setdefault(get_ident(), {})

    def __getattr__(self, name):
        ns = self._ns()
        if name in ns:
            return ns[name]
        raise AttributeError(f"'_thread._local' object has no attribute '{name}'")

    def __setattr__(self, name, value):
        self._ns()[name] = value

    def __delattr__(self, name):
        del self._ns()[name]


class Thread:
    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        self._target = target
        self._args = args
        self._kwargs = kwargs or {}
        self._name = name or _newname()
        self.daemon = bool(daemon)
        self._started = False
        self._done = Event()
        self._ident = None

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, v):
        self._name = str(v)

    @property
    def ident(self):
        return self._ident

    def start(self):
        if self._started:
            raise RuntimeError("threads can only be started once")
        self._started = True
        _sl.tasklet(self._bootstrap)()

    def _bootstrap(self):
        self._ident = get_ident()
        _threads[self._ident] = self
        try:
            self.run()
        except SystemExit:
            pass
        except BaseException as e:
            import sys
            sys.stderr.write(f"Exception in thread {self._name}:\n{type(e).__name__}: {e}\n")
        finally:
            _threads.pop(self._ident, None)
            self._done.set()

    def run(self):
        if self._target is not None:
            self._target(*self._args, **self._kwargs)

    def join(self, timeout=None):
        if not self._started:
            raise RuntimeError("cannot join thread before it is started")
        if self._ident is not None and self._ident == get_ident():
            raise RuntimeError("cannot join current thread")
        self._done.wait(timeout)

    def is_alive(self):
        return self._started and not self._done.is_set()

    def __repr__(self):
        state = "started" if self.is_alive() else ("stopped" if self._started else "initial")
        return f"<Thread({self._name}, {state})>"


class _MainThread(Thread):
    def __init__(self):
        Thread.__init__(self, name="MainThread")
        self._started = True
        self._ident = get_ident()


_main = _MainThread()


def main_thread():
    return _main


def current_thread():
    return _threads.get(get_ident(), _main)


def active_count():
    return len(_threads) + 1


def enumerate():
    return [_main] + list(_threads.values())
"#;

const QUEUE_SRC: &str = r#"
import threading as _th
import time as _time

__all__ = ["Empty", "Full", "Queue", "LifoQueue", "PriorityQueue", "SimpleQueue"]


class Empty(Exception):
    pass


class Full(Exception):
    pass


class Queue:
    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.mutex = _th.Lock()
        self.not_empty = _th.Condition(self.mutex)
        self.not_full = _th.Condition(self.mutex)
        self.all_tasks_done = _th.Condition(self.mutex)
        self.unfinished_tasks = 0

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop(0)

    def task_done(self):
        with self.all_tasks_done:
            unfinished = self.unfinished_tasks - 1
            if unfinished <= 0:
                if unfinished < 0:
                    raise ValueError("task_done() called too many times")
                self.all_tasks_done.notify_all()
            self.unfinished_tasks = unfinished

    def join(self):
        with self.all_tasks_done:
            while self.unfinished_tasks:
                self.all_tasks_done.wait()

    def qsize(self):
        with self.mutex:
            return self._qsize()

    def empty(self):
        with self.mutex:
            return not self._qsize()

    def full(self):
        with self.mutex:
            return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        with self.not_full:
            if self.maxsize > 0:
                if not block:
                    if self._qsize() >= self.maxsize:
                        raise Full
                elif timeout is None:
                    while self._qsize() >= self.maxsize:
                        self.not_full.wait()
                elif timeout < 0:
                    raise ValueError("'timeout' must be a non-negative number")
                else:
                    end = _time.monotonic() + timeout
                    while self._qsize() >= self.maxsize:
                        left = end - _time.monotonic()
                        if left <= 0.0:
                            raise Full
                        self.not_full.wait(left)
            self._put(item)
            self.unfinished_tasks += 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        with self.not_empty:
            if not block:
                if not self._qsize():
                    raise Empty
            elif timeout is None:
                while not self._qsize():
                    self.not_empty.wait()
            elif timeout < 0:
                raise ValueError("'timeout' must be a non-negative number")
            else:
                end = _time.monotonic() + timeout
                while not self._qsize():
                    left = end - _time.monotonic()
                    if left <= 0.0:
                        raise Empty
                    self.not_empty.wait(left)
            item = self._get()
            self.not_full.notify()
            return item

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(block=False)


class LifoQueue(Queue):
    def _get(self):
        return self.queue.pop()


def _sift_up(heap, i):
    item = heap[i]
    while i > 0:
        parent = (i - 1) >> 1
        if item < heap[parent]:
            heap[i] = heap[parent]
            i = parent
        else:
            break
    heap[i] = item


def _sift_down(heap, i):
    n = len(heap)
    item = heap[i]
    while True:
        child = 2 * i + 1
        if child >= n:
            break
        if child + 1 < n and heap[child + 1] < heap[child]:
            child += 1
        if heap[child] < item:
            heap[i] = heap[child]
            i = child
        else:
            break
    heap[i] = item


class PriorityQueue(Queue):
    def _put(self, item):
        self.queue.append(item)
        _sift_up(self.queue, len(self.queue) - 1)

    def _get(self):
        last = self.queue.pop()
        if not self.queue:
            return last
        top = self.queue[0]
        self.queue[0] = last
        _sift_down(self.queue, 0)
        return top


class SimpleQueue(Queue):
    def __init__(self):
        Queue.__init__(self, 0)
"#;

fn native(name: &'static str, f: crate::object::NativeFn) -> Value {
    Value::obj(Payload::NativeFunc(NativeFunc { name, func: f, bound: Value::Null, fast: None }))
}

fn make_from_source(vm: &mut Vm, name: &str, src: &str) -> PyResult<Value> {
    let m = crate::pvm::import::new_module(name, None);
    let d = crate::pvm::import::module_dict(&m).unwrap();
    if let Payload::Dict(dd) = &d.payload {
        dd.lock().set_str(Value::str("_allocate_lock"), native("_allocate_lock", super::lock::new_lock));
    }
    vm.rt.set_module(name, m.clone());
    let code = crate::compiler::compile_module(src, &format!("<{name}>")).map_err(crate::pvm::import::syntax_error_from)?;
    if let Err(e) = vm.exec_module_code(code, &m) {
        vm.rt.remove_module(name);
        return Err(e);
    }
    Ok(m)
}

pub fn make_threading(vm: &mut Vm) -> PyResult<Value> {
    make_from_source(vm, "threading", THREADING)
}

pub fn make_queue(vm: &mut Vm) -> PyResult<Value> {
    make_from_source(vm, "queue", QUEUE_SRC)
}
