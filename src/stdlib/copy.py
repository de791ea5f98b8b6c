"""Generic (shallow and deep) copying operations (weft's pure-Python copy).

Interface summary:

        import copy

        x = copy.copy(y)        # make a shallow copy of y
        x = copy.deepcopy(y)    # make a deep copy of y
"""

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass

error = Error   # backward compatibility


_NoneType = type(None)
_FunctionType = type(lambda: None)
_BuiltinType = type(len)
_atomic = (_NoneType, int, float, bool, str, bytes, type, range,
           _FunctionType, _BuiltinType, type(Ellipsis), type(NotImplemented),
           property)
_atomic_types = set(_atomic)
_atomic_types.add(frozenset)   # shallow copy of a frozenset is itself
try:
    _atomic_types.add(complex)
except NameError:       # weft has no complex type
    pass
try:
    _atomic_types.add(type(slice(1)))
except NameError:
    pass


def _class_defines(cls, name):
    """True when a class in cls's MRO other than the builtin bases defines name."""
    for klass in cls.__mro__:
        if klass in (object, list, dict, set, tuple, frozenset, bytearray):
            continue
        if name in klass.__dict__:
            return True
    return False


def _slot_names(cls):
    names = []
    for klass in cls.__mro__:
        slots = klass.__dict__.get('__slots__')
        if slots is None:
            continue
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name in ('__dict__', '__weakref__'):
                continue
            if name.startswith('__') and not name.endswith('__'):
                name = '_%s%s' % (klass.__name__.lstrip('_'), name)
            names.append(name)
    return names


def _get_state(x):
    getstate = getattr(x, '__getstate__', None)
    if getstate is not None and _class_defines(type(x), '__getstate__'):
        return getstate()
    state = None
    try:
        d = x.__dict__
    except AttributeError:
        d = None
    if d:
        state = dict(d)
    slots = _slot_names(type(x))
    if slots:
        slotstate = {}
        for name in slots:
            if state is not None and name in state:
                continue
            try:
                slotstate[name] = getattr(x, name)
            except AttributeError:
                pass
        if slotstate:
            if state is None:
                state = {}
            state.update(slotstate)
    return state


def _set_state(y, state):
    if state is None:
        return
    if hasattr(y, '__setstate__') and _class_defines(type(y), '__setstate__'):
        y.__setstate__(state)
        return
    slotstate = None
    if isinstance(state, tuple) and len(state) == 2:
        state, slotstate = state
    if state:
        for key, value in state.items():
            object.__setattr__(y, key, value)
    if slotstate:
        for key, value in slotstate.items():
            object.__setattr__(y, key, value)


def _reduce(x):
    """Returns a reduce tuple for x, or None when the generic path applies."""
    cls = type(x)
    if _class_defines(cls, '__reduce_ex__'):
        rv = x.__reduce_ex__(4)
    elif _class_defines(cls, '__reduce__'):
        rv = x.__reduce__()
    else:
        return None
    if isinstance(rv, str):
        return rv
    return rv


def _generic_new(x):
    cls = type(x)
    getnewargs = getattr(x, '__getnewargs__', None)
    if getnewargs is not None:
        return cls.__new__(cls, *getnewargs())
    if isinstance(x, tuple):
        return cls.__new__(cls, tuple(x))
    if isinstance(x, frozenset):
        return cls.__new__(cls, x)
    return cls.__new__(cls)


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)

    if cls in _atomic_types:
        return x
    copier = _copy_dispatch.get(cls)
    if copier is not None:
        return copier(x)

    if isinstance(x, type):
        return x

    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)

    rv = _reduce(x)
    if isinstance(rv, str):
        return x
    if rv is not None:
        return _reconstruct(x, None, *rv)

    y = _generic_new(x)
    if isinstance(x, list):
        list.extend(y, x)
    elif isinstance(x, dict):
        dict.update(y, x)
    elif isinstance(x, set):
        set.update(y, x)
    _set_state(y, _get_state(x))
    return y


_copy_dispatch = d = {}

d[list] = list.copy
d[dict] = dict.copy
d[set] = set.copy
d[tuple] = lambda x: x
d[bytearray] = bytearray.copy if hasattr(bytearray, 'copy') else (lambda x: bytearray(x))

del d


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""

    if memo is None:
        memo = {}

    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y

    cls = type(x)

    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    else:
        if isinstance(x, type):
            y = x
        else:
            copier = getattr(x, "__deepcopy__", None)
            if copier is not None:
                y = copier(memo)
            else:
                rv = _reduce(x)
                if isinstance(rv, str):
                    y = x
                elif rv is not None:
                    y = _reconstruct(x, memo, *rv)
                else:
                    y = _deepcopy_generic(x, memo)

    # If is its own copy, don't memoize.
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo) # Make sure x lives at least as long as d
    return y


def _deepcopy_generic(x, memo):
    cls = type(x)
    if isinstance(x, tuple):
        items = [deepcopy(a, memo) for a in x]
        if id(x) in memo:
            return memo[id(x)]
        getnewargs = getattr(x, '__getnewargs__', None)
        if getnewargs is not None:
            y = cls.__new__(cls, *[deepcopy(a, memo) for a in getnewargs()])
        else:
            y = cls.__new__(cls, items)
    elif isinstance(x, frozenset):
        y = cls.__new__(cls, [deepcopy(a, memo) for a in x])
    else:
        y = cls.__new__(cls)
    memo[id(x)] = y
    if isinstance(x, list):
        for a in x:
            list.append(y, deepcopy(a, memo))
    elif isinstance(x, dict):
        for key, value in dict.items(x):
            dict.__setitem__(y, deepcopy(key, memo), deepcopy(value, memo))
    elif isinstance(x, set):
        for a in x:
            set.add(y, deepcopy(a, memo))
    state = _get_state(x)
    if state is not None:
        state = deepcopy(state, memo)
        _set_state(y, state)
    return y


_deepcopy_dispatch = d = {}

def _deepcopy_atomic(x, memo):
    return x
for t in _atomic_types:
    if t is not frozenset:
        d[t] = _deepcopy_atomic

def _deepcopy_list(x, memo, deepcopy=deepcopy):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y
d[list] = _deepcopy_list

def _deepcopy_tuple(x, memo, deepcopy=deepcopy):
    y = [deepcopy(a, memo) for a in x]
    # We're not going to put the tuple in the memo, but it's still important we
    # check for it, in case the tuple contains recursive mutable structures.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            y = tuple(y)
            break
    else:
        y = x
    return y
d[tuple] = _deepcopy_tuple

def _deepcopy_dict(x, memo, deepcopy=deepcopy):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y
d[dict] = _deepcopy_dict

def _deepcopy_set(x, memo, deepcopy=deepcopy):
    y = set()
    memo[id(x)] = y
    for a in x:
        y.add(deepcopy(a, memo))
    return y
d[set] = _deepcopy_set

def _deepcopy_frozenset(x, memo, deepcopy=deepcopy):
    return frozenset([deepcopy(a, memo) for a in x])
d[frozenset] = _deepcopy_frozenset

def _deepcopy_bytearray(x, memo):
    return bytearray(x)
d[bytearray] = _deepcopy_bytearray

def _deepcopy_method(x, memo): # Copy instance methods
    return type(x)(x.__func__, deepcopy(x.__self__, memo))
try:
    class _M:
        def m(self):
            pass
    d[type(_M().m)] = _deepcopy_method
    del _M
except Exception:
    pass

del d, t


def _keep_alive(x, memo):
    """Keeps a reference to the object x in the memo."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        # aha, this is the first one :-)
        memo[id(memo)] = [x]


def _reconstruct(x, memo, func, args,
                 state=None, listiter=None, dictiter=None,
                 *, deepcopy=deepcopy):
    deep = memo is not None
    if deep and args:
        args = tuple(deepcopy(arg, memo) for arg in args)
    y = func(*args)
    if deep:
        memo[id(x)] = y

    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                for key, value in state.items():
                    object.__setattr__(y, key, value)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)

    if listiter is not None:
        if deep:
            for item in listiter:
                item = deepcopy(item, memo)
                y.append(item)
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
                y[key] = value
        else:
            for key, value in dictiter:
                y[key] = value
    return y
