"""Helpers of weft's async builtins (see builtins/asyncfuncs.rs): anext
with a default, and async generators (AsyncGenerator objects around the
generator an `async def` with `yield` compiles to). An async generator
dropped unfinished while an asyncio loop runs is closed by that loop
(asyncio's finalizer hook, then shutdown_asyncgens), as in CPython."""

import sys as _sys

_orphans = []


async def anext_default(it, default):
    try:
        return await it.__anext__()
    except StopAsyncIteration:
        return default


class _Yielded:
    """A value an async generator yields (not something it awaits)."""
    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value


def agen_wrap(value):
    return _Yielded(value)


def agen_fn(func):
    """Wraps an async generator function: each call gives an
    AsyncGenerator around the underlying generator."""
    def make(*args, **kwargs):
        return AsyncGenerator(func(*args, **kwargs), func)
    for attr in ("__name__", "__qualname__", "__doc__", "__module__"):
        try:
            setattr(make, attr, getattr(func, attr))
        except AttributeError:
            pass
    make.__wrapped__ = func
    make._is_async_generator = True
    return make


class _Step:
    """The awaitable of one asend/athrow/aclose step."""

    def __init__(self, agen, method, arg):
        self._agen = agen
        self._method = method
        self._arg = arg

    def __await__(self):
        agen = self._agen
        gen = agen._gen
        if agen._running:
            raise RuntimeError("anext(): asynchronous generator is already running")
        agen._running = True
        try:
            method, arg = self._method, self._arg
            while True:
                try:
                    if method == "send":
                        out = gen.send(arg)
                    else:
                        out = gen.throw(arg)
                except StopIteration:
                    agen._finished = True
                    if self._method == "close":
                        return None
                    raise StopAsyncIteration
                except GeneratorExit:
                    agen._finished = True
                    if self._method == "close":
                        return None
                    raise
                except StopAsyncIteration as e:
                    agen._finished = True
                    raise RuntimeError("async generator raised StopAsyncIteration") from e
                if isinstance(out, _Yielded):
                    if self._method == "close":
                        raise RuntimeError("async generator ignored GeneratorExit")
                    return out.value
                try:
                    arg = yield out
                    method = "send"
                except BaseException as e:
                    method, arg = "throw", e
        finally:
            agen._running = False


class AsyncGenerator:
    def __init__(self, gen, func):
        self._gen = gen
        self._func = func
        self._running = False
        self._finished = False
        self.__name__ = getattr(func, "__name__", "?")
        self.__qualname__ = getattr(func, "__qualname__", self.__name__)

    def __repr__(self):
        return "<async_generator object %s at %#x>" % (self.__qualname__, id(self))

    def __aiter__(self):
        return self

    def __anext__(self):
        return self.asend(None)

    def asend(self, value):
        if self._finished:
            return _Done()
        return _Step(self, "send", value)

    def athrow(self, typ, val=None, tb=None):
        exc = typ if val is None else val
        if isinstance(exc, type):
            exc = exc()
        return _Step(self, "throw", exc)

    def aclose(self):
        if self._finished:
            return _Nothing()
        return _Step(self, "close", GeneratorExit())

    @property
    def ag_running(self):
        return self._running

    def __del__(self):
        if self._finished:
            return
        asyncio = _sys.modules.get("asyncio")
        loop = getattr(asyncio, "_running_loop", None) if asyncio else None
        if loop is None or loop.is_closed():
            return
        orphan = AsyncGenerator(self._gen, self._func)
        _orphans.append(orphan)
        loop.call_soon(_close_orphan, loop, orphan)


def _close_orphan(loop, orphan):
    if orphan in _orphans:
        loop.create_task(_aclose_orphan(orphan))


async def _aclose_orphan(orphan):
    if orphan in _orphans:
        _orphans.remove(orphan)
        await orphan.aclose()


async def shutdown_orphans():
    while _orphans:
        orphan = _orphans.pop(0)
        try:
            await orphan.aclose()
        except Exception:
            pass


class _Done:
    def __await__(self):
        raise StopAsyncIteration
        yield


class _Nothing:
    def __await__(self):
        return None
        yield
