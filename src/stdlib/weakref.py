"""weakref for weft: ref, proxy, WeakValueDictionary, WeakKeyDictionary,
WeakSet and finalize over the native `_weakref` handles, which do not
keep their referent alive.

Differences from CPython: weft runs no code when an object dies, so a
ref's callback is never called, dead entries leave the weak containers
when they are next looked at (len, iteration, lookup), and a finalize
callback runs at program exit (if still alive then) or when called."""

import _weakref

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs", "WeakKeyDictionary",
           "ReferenceType", "ProxyType", "CallableProxyType", "ProxyTypes",
           "WeakValueDictionary", "WeakSet", "WeakMethod", "finalize"]


class ref:
    __slots__ = ("_h", "_hash", "__callback__", "__weakref__")

    def __init__(self, ob, callback=None):
        if isinstance(ob, (int, float, str, bytes, tuple, list, dict, type(None))):
            raise TypeError("cannot create weak reference to '%s' object" % type(ob).__name__)
        self._h = _weakref.handle(ob)
        self._hash = None
        self.__callback__ = callback

    def __call__(self):
        return self._h.get()

    def __hash__(self):
        if self._hash is None:
            ob = self()
            if ob is None:
                raise TypeError("weak object has gone away")
            self._hash = hash(ob)
        return self._hash

    def __eq__(self, other):
        if not isinstance(other, ref):
            return NotImplemented
        a, b = self(), other()
        if a is None or b is None:
            return self is other
        return a == b

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __repr__(self):
        ob = self()
        if ob is None:
            return "<weakref at %#x; dead>" % id(self)
        return "<weakref at %#x; to '%s' at %#x>" % (id(self), type(ob).__name__, id(ob))


ReferenceType = ref


class WeakMethod(ref):
    __slots__ = ("_func_ref",)

    def __init__(self, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}".format(type(meth))) from None
        super().__init__(obj, callback)
        self._func_ref = ref(func)

    def __call__(self):
        obj = super().__call__()
        func = self._func_ref()
        if obj is None or func is None:
            return None
        return func.__get__(obj, type(obj))


class ProxyType:
    def __init__(self, ob, callback=None):
        object.__setattr__(self, "_ref", ref(ob, callback))

    def _get(self):
        ob = object.__getattribute__(self, "_ref")()
        if ob is None:
            raise ReferenceError("weakly-referenced object no longer exists")
        return ob

    def __getattr__(self, name):
        return getattr(ProxyType._get(self), name)

    def __setattr__(self, name, value):
        setattr(ProxyType._get(self), name, value)

    def __delattr__(self, name):
        delattr(ProxyType._get(self), name)

    def __repr__(self):
        ob = ProxyType._get(self)
        return "<weakproxy at %#x; to '%s' at %#x>" % (id(self), type(ob).__name__, id(ob))

    def __str__(self):
        return str(ProxyType._get(self))

    def __bool__(self):
        return bool(ProxyType._get(self))

    def __len__(self):
        return len(ProxyType._get(self))

    def __iter__(self):
        return iter(ProxyType._get(self))

    def __getitem__(self, k):
        return ProxyType._get(self)[k]

    def __setitem__(self, k, v):
        ProxyType._get(self)[k] = v

    def __eq__(self, other):
        return ProxyType._get(self) == other

    def __call__(self, *args, **kwargs):
        return ProxyType._get(self)(*args, **kwargs)


CallableProxyType = ProxyType
ProxyTypes = (ProxyType, CallableProxyType)


def proxy(ob, callback=None):
    return ProxyType(ob, callback)


def getweakrefcount(ob):
    return 0


def getweakrefs(ob):
    return []


class WeakValueDictionary:
    """A mapping whose values are weakly referenced."""

    def __init__(self, other=(), **kw):
        self.data = {}
        self.update(other, **kw)

    def _purge(self):
        dead = [k for k, r in self.data.items() if r() is None]
        for k in dead:
            del self.data[k]

    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            del self.data[key]
            raise KeyError(key)
        return o

    def __setitem__(self, key, value):
        self.data[key] = ref(value)

    def __delitem__(self, key):
        self._purge()
        del self.data[key]

    def __contains__(self, key):
        r = self.data.get(key)
        return r is not None and r() is not None

    def __len__(self):
        self._purge()
        return len(self.data)

    def __iter__(self):
        self._purge()
        return iter(list(self.data))

    def __repr__(self):
        return "<WeakValueDictionary at %#x>" % id(self)

    def get(self, key, default=None):
        r = self.data.get(key)
        if r is None:
            return default
        o = r()
        return default if o is None else o

    def keys(self):
        return list(self)

    def values(self):
        self._purge()
        return [o for o in (r() for r in list(self.data.values())) if o is not None]

    def items(self):
        self._purge()
        out = []
        for k, r in list(self.data.items()):
            o = r()
            if o is not None:
                out.append((k, o))
        return out

    def pop(self, key, *default):
        try:
            o = self.data.pop(key)()
        except KeyError:
            if default:
                return default[0]
            raise
        if o is None:
            if default:
                return default[0]
            raise KeyError(key)
        return o

    def setdefault(self, key, default=None):
        o = self.get(key)
        if o is None:
            self[key] = default
            return default
        return o

    def update(self, other=(), **kw):
        if hasattr(other, "items"):
            other = other.items()
        for k, v in other:
            self[k] = v
        for k, v in kw.items():
            self[k] = v

    def clear(self):
        self.data.clear()

    def copy(self):
        return WeakValueDictionary(self.items())

    def valuerefs(self):
        self._purge()
        return list(self.data.values())


class WeakKeyDictionary:
    """A mapping whose keys are weakly referenced."""

    def __init__(self, dict=None):
        self.data = {}
        if dict is not None:
            self.update(dict)

    def _purge(self):
        dead = [r for r in self.data if r() is None]
        for r in dead:
            del self.data[r]

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __setitem__(self, key, value):
        self.data[ref(key)] = value

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __contains__(self, key):
        try:
            return ref(key) in self.data
        except TypeError:
            return False

    def __len__(self):
        self._purge()
        return len(self.data)

    def __iter__(self):
        self._purge()
        return iter([k for k in (r() for r in list(self.data)) if k is not None])

    def __repr__(self):
        return "<WeakKeyDictionary at %#x>" % id(self)

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def keys(self):
        return list(self)

    def values(self):
        self._purge()
        return list(self.data.values())

    def items(self):
        self._purge()
        out = []
        for r, v in list(self.data.items()):
            k = r()
            if k is not None:
                out.append((k, v))
        return out

    def pop(self, key, *default):
        return self.data.pop(ref(key), *default)

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key), default)

    def update(self, dict=None, **kwargs):
        if dict is not None:
            if hasattr(dict, "items"):
                dict = dict.items()
            for k, v in dict:
                self[k] = v
        for k, v in kwargs.items():
            self[k] = v

    def clear(self):
        self.data.clear()


class WeakSet:
    """A set whose elements are weakly referenced."""

    def __init__(self, data=None):
        self.data = set()
        if data is not None:
            for x in data:
                self.add(x)

    def _purge(self):
        self.data = {r for r in self.data if r() is not None}

    def add(self, item):
        self.data.add(ref(item))

    def discard(self, item):
        self.data.discard(ref(item))

    def remove(self, item):
        self.data.remove(ref(item))

    def pop(self):
        self._purge()
        while True:
            item = self.data.pop()()
            if item is not None:
                return item

    def clear(self):
        self.data.clear()

    def __contains__(self, item):
        try:
            return ref(item) in self.data
        except TypeError:
            return False

    def __len__(self):
        self._purge()
        return len(self.data)

    def __iter__(self):
        self._purge()
        return iter([x for x in (r() for r in list(self.data)) if x is not None])

    def __repr__(self):
        return "{}({!r})".format(type(self).__name__, set(self))

    def copy(self):
        return WeakSet(self)

    def update(self, other):
        for x in other:
            self.add(x)

    def union(self, other):
        s = self.copy()
        s.update(other)
        return s

    __or__ = union


class finalize:
    """Calls func(*args, **kwargs) once: when called, or at program exit
    if obj is still alive then (weft cannot run it at obj's death)."""

    _registry = []
    _registered = False

    def __init__(self, obj, func, /, *args, **kwargs):
        self._ref = ref(obj)
        self._info = (func, args, kwargs)
        self.atexit = True
        finalize._registry.append(self)
        if not finalize._registered:
            import atexit
            atexit.register(finalize._exitfunc)
            finalize._registered = True

    def __call__(self, _=None):
        info, self._info = self._info, None
        if info is not None:
            func, args, kwargs = info
            return func(*args, **kwargs)

    def detach(self):
        obj = self._ref()
        info, self._info = self._info, None
        if obj is not None and info is not None:
            return (obj,) + info

    def peek(self):
        obj = self._ref()
        if obj is not None and self._info is not None:
            return (obj,) + self._info

    @property
    def alive(self):
        return self._info is not None

    @classmethod
    def _exitfunc(cls):
        pending = [f for f in cls._registry if f._info is not None and f.atexit]
        for f in reversed(pending):
            f()
