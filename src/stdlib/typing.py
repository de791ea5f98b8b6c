"""Type hints (weft): the names of the `typing` module, usable at run
time. Subscripting returns printable alias objects; no static checking."""

import collections.abc as _abc
import collections as _collections
import sys as _sys

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return '%s.%s' % (obj.__module__, obj.__qualname__)
    if obj is ...:
        return '...'
    if obj is None or obj is type(None):
        return 'None'
    if isinstance(obj, (list, tuple)):
        return '[' + ', '.join(_type_repr(a) for a in obj) + ']'
    if type(obj).__name__ == 'function':
        return obj.__name__
    return repr(obj)


def _as_args(params):
    if not isinstance(params, tuple):
        params = (params,)
    return tuple(None.__class__ if p is None else p for p in params)


class _Final:
    pass


class _SpecialForm(_Final):
    def __init__(self, name, getitem=None, doc=''):
        self._name = name
        self._getitem = getitem
        self.__doc__ = doc

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if self._getitem is None:
            raise TypeError("typing.%s is not subscriptable" % self._name)
        return self._getitem(self, params)

    def __call__(self, *args, **kwds):
        raise TypeError("Cannot instantiate %r" % self)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError("%r cannot be used with isinstance()" % self)

    def __reduce__(self):
        return self._name

    def __hash__(self):
        return hash(self._name)


class _GenericAlias(_Final):
    """`List[int]` and friends: origin + args, printable, callable when the
    origin is, usable as a base class (resolves to the origin)."""

    def __init__(self, origin, args, name=None, special_repr=None):
        self.__origin__ = origin
        self.__args__ = _as_args(args)
        self.__parameters__ = tuple(a for a in self.__args__ if isinstance(a, TypeVar))
        self._name = name
        self._special_repr = special_repr

    def __repr__(self):
        if self._special_repr is not None:
            return self._special_repr(self)
        name = 'typing.' + self._name if self._name else _type_repr(self.__origin__)
        if self.__args__ == ((),):
            return name + '[()]'
        return '%s[%s]' % (name, ', '.join(_type_repr(a) for a in self.__args__))

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __call__(self, *args, **kwargs):
        origin = self.__origin__
        if isinstance(origin, _SpecialForm):
            raise TypeError("Cannot instantiate %r" % self)
        result = origin(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:
            pass
        return result

    def __getitem__(self, params):
        params = _as_args(params)
        if self.__parameters__:
            subst = dict(zip(self.__parameters__, params))
            new = tuple(subst.get(a, a) for a in self.__args__)
            return _GenericAlias(self.__origin__, new, self._name, self._special_repr)
        return _GenericAlias(self, params)

    def __mro_entries__(self, bases):
        o = self.__origin__
        if isinstance(o, type):
            return (o,)
        return ()

    def __getattr__(self, attr):
        if attr.startswith('__') and attr.endswith('__'):
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")

    def __subclasscheck__(self, cls):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")


class _SpecialGenericAlias(_Final):
    """Unsubscripted `List`, `Dict`, ...: isinstance works against the
    origin; subscripting makes a `_GenericAlias`."""

    def __init__(self, origin, name, nparams=-1):
        self.__origin__ = origin
        self._name = name
        self._nparams = nparams

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        params = _as_args(params)
        if self._nparams >= 0 and len(params) != self._nparams and self._name != 'Tuple':
            raise TypeError("Too %s arguments for typing.%s; actual %d, expected %d"
                            % ('many' if len(params) > self._nparams else 'few',
                               self._name, len(params), self._nparams))
        return _GenericAlias(self.__origin__, params, self._name)

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self.__origin__)

    def __getattr__(self, attr):
        if attr.startswith('__') and attr.endswith('__'):
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class TypeVar(_Final):
    def __init__(self, name, *constraints, bound=None, covariant=False,
                 contravariant=False):
        self.__name__ = name
        self.__constraints__ = tuple(constraints)
        self.__bound__ = bound
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)

    def __repr__(self):
        if self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class ParamSpec(TypeVar):
    pass


def TypeAlias(*a):
    raise TypeError("Cannot instantiate typing.TypeAlias")


def _union_getitem(self, params):
    if params == ():
        raise TypeError("Cannot take a Union of no types.")
    params = _as_args(params)
    flat = []
    for p in params:
        if isinstance(p, _GenericAlias) and p.__origin__ is Union:
            items = p.__args__
        else:
            items = (p,)
        for it in items:
            if it not in flat:
                flat.append(it)
    if len(flat) == 1:
        return flat[0]
    return _GenericAlias(Union, tuple(flat), special_repr=_union_repr)


def _union_repr(alias):
    args = alias.__args__
    if len(args) == 2 and type(None) in args:
        other = args[0] if args[1] is type(None) else args[1]
        return 'typing.Optional[%s]' % _type_repr(other)
    return 'typing.Union[%s]' % ', '.join(_type_repr(a) for a in args)


def _optional_getitem(self, params):
    return Union[params, type(None)]


def _literal_getitem(self, params):
    if not isinstance(params, tuple):
        params = (params,)
    alias = _GenericAlias(Literal, (), special_repr=lambda a: 'typing.Literal[%s]' % ', '.join(repr(x) for x in a.__args__))
    alias.__args__ = params
    return alias


def _simple_getitem(self, params):
    return _GenericAlias(self, params, self._name)


def _callable_repr(alias):
    args = alias.__args__
    if len(args) == 2 and (isinstance(args[0], list) or args[0] is ...):
        return 'typing.Callable[%s, %s]' % (_type_repr(args[0]), _type_repr(args[1]))
    return 'typing.Callable[[%s], %s]' % (', '.join(_type_repr(a) for a in args[:-1]), _type_repr(args[-1]))


class _CallableAlias(_SpecialGenericAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError("Callable must be used as Callable[[arg, ...], result].")
        args, result = params
        if isinstance(args, list):
            a = _GenericAlias(self.__origin__, (), self._name, _callable_repr)
            a.__args__ = tuple(args) + (result,)
            return a
        a = _GenericAlias(self.__origin__, (), self._name, _callable_repr)
        a.__args__ = (args, result)
        return a


Any = _SpecialForm('Any')
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
LiteralString = _SpecialForm('LiteralString')
Union = _SpecialForm('Union', _union_getitem)
Optional = _SpecialForm('Optional', _optional_getitem)
Literal = _SpecialForm('Literal', _literal_getitem)
ClassVar = _SpecialForm('ClassVar', _simple_getitem)
Final = _SpecialForm('Final', _simple_getitem)
Annotated = _SpecialForm('Annotated', _simple_getitem)
TypeGuard = _SpecialForm('TypeGuard', _simple_getitem)
Concatenate = _SpecialForm('Concatenate', _simple_getitem)
Unpack = _SpecialForm('Unpack', _simple_getitem)
Required = _SpecialForm('Required', _simple_getitem)
NotRequired = _SpecialForm('NotRequired', _simple_getitem)

List = _SpecialGenericAlias(list, 'List', 1)
Dict = _SpecialGenericAlias(dict, 'Dict', 2)
Set = _SpecialGenericAlias(set, 'Set', 1)
FrozenSet = _SpecialGenericAlias(frozenset, 'FrozenSet', 1)
Tuple = _SpecialGenericAlias(tuple, 'Tuple', -1)
Type = _SpecialGenericAlias(type, 'Type', 1)
DefaultDict = _SpecialGenericAlias(_collections.defaultdict, 'DefaultDict', 2)
OrderedDict = _SpecialGenericAlias(_collections.OrderedDict, 'OrderedDict', 2)
Counter = _SpecialGenericAlias(_collections.Counter, 'Counter', 1)
Deque = _SpecialGenericAlias(_collections.deque, 'Deque', 1)
ChainMap = _SpecialGenericAlias(_collections.ChainMap, 'ChainMap', 2)
Callable = _CallableAlias(_abc.Callable, 'Callable', 2)
Iterable = _SpecialGenericAlias(_abc.Iterable, 'Iterable', 1)
Iterator = _SpecialGenericAlias(_abc.Iterator, 'Iterator', 1)
Generator = _SpecialGenericAlias(_abc.Generator, 'Generator', 3)
Reversible = _SpecialGenericAlias(_abc.Reversible, 'Reversible', 1)
Container = _SpecialGenericAlias(_abc.Container, 'Container', 1)
Collection = _SpecialGenericAlias(_abc.Collection, 'Collection', 1)
Sequence = _SpecialGenericAlias(_abc.Sequence, 'Sequence', 1)
MutableSequence = _SpecialGenericAlias(_abc.MutableSequence, 'MutableSequence', 1)
Mapping = _SpecialGenericAlias(_abc.Mapping, 'Mapping', 2)
MutableMapping = _SpecialGenericAlias(_abc.MutableMapping, 'MutableMapping', 2)
AbstractSet = _SpecialGenericAlias(_abc.Set, 'AbstractSet', 1)
MutableSet = _SpecialGenericAlias(_abc.MutableSet, 'MutableSet', 1)
MappingView = _SpecialGenericAlias(_abc.MappingView, 'MappingView', 1)
KeysView = _SpecialGenericAlias(_abc.KeysView, 'KeysView', 1)
ItemsView = _SpecialGenericAlias(_abc.ItemsView, 'ItemsView', 2)
ValuesView = _SpecialGenericAlias(_abc.ValuesView, 'ValuesView', 1)
Awaitable = _SpecialGenericAlias(_abc.Awaitable, 'Awaitable', 1)
Coroutine = _SpecialGenericAlias(_abc.Coroutine, 'Coroutine', 3)
AsyncIterable = _SpecialGenericAlias(_abc.AsyncIterable, 'AsyncIterable', 1)
AsyncIterator = _SpecialGenericAlias(_abc.AsyncIterator, 'AsyncIterator', 1)
AsyncGenerator = _SpecialGenericAlias(_abc.AsyncGenerator, 'AsyncGenerator', 2)
Hashable = _SpecialGenericAlias(_abc.Hashable, 'Hashable', 0)
Sized = _SpecialGenericAlias(_abc.Sized, 'Sized', 0)
ByteString = _SpecialGenericAlias(_abc.ByteString, 'ByteString', 0)
Text = str
AnyStr = TypeVar('AnyStr', bytes, str)


class Generic:
    """`class Box(Generic[T])`: subscripting the class returns an alias
    that calls and prints like CPython's."""
    __slots__ = ()
    _is_protocol = False

    def __class_getitem__(cls, params):
        params = _as_args(params)
        if cls is Generic:
            for p in params:
                if not isinstance(p, TypeVar):
                    raise TypeError("Parameters to Generic[...] must all be type variables or parameter specification variables.")
        return _GenericAlias(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        tvars = []
        for b in cls.__dict__.get('__orig_bases__', ()):
            if isinstance(b, _GenericAlias):
                for a in b.__args__:
                    if isinstance(a, TypeVar) and a not in tvars:
                        tvars.append(a)
        cls.__parameters__ = tuple(tvars)


class _ProtocolMeta(type(_abc.Iterable)):
    def __instancecheck__(cls, instance):
        if cls.__dict__.get('_is_protocol', False):
            if not cls.__dict__.get('_is_runtime_protocol', False):
                raise TypeError("Instance and class checks can only be used with @runtime_checkable protocols")
            for attr in _protocol_attrs(cls):
                if not hasattr(instance, attr):
                    return False
            return True
        return super().__instancecheck__(instance)


def _protocol_attrs(cls):
    attrs = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in ('Protocol', 'Generic'):
            continue
        for attr in base.__dict__:
            if not attr.startswith('_abc_') and attr not in (
                    '__abstractmethods__', '__annotations__', '__weakref__',
                    '_is_protocol', '_is_runtime_protocol', '__dict__',
                    '__args__', '__slots__', '__next_in_mro__', '__parameters__',
                    '__origin__', '__orig_bases__', '__extra__', '__tree_hash__',
                    '__doc__', '__subclasshook__', '__init__', '__new__',
                    '__module__', '_MutableMapping__marker', '_gorg',
                    '__qualname__', '__firstlineno__', '__static_attributes__'):
                attrs.add(attr)
    return attrs


class Protocol(Generic, metaclass=_ProtocolMeta):
    __slots__ = ()
    _is_protocol = True

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if '_is_protocol' not in cls.__dict__:
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)


def runtime_checkable(cls):
    cls._is_runtime_protocol = True
    return cls


runtime = runtime_checkable


class SupportsInt(Protocol):
    def __int__(self): ...


class SupportsFloat(Protocol):
    def __float__(self): ...


class SupportsIndex(Protocol):
    def __index__(self): ...


class SupportsAbs(Protocol):
    def __abs__(self): ...


class SupportsRound(Protocol):
    def __round__(self, ndigits=0): ...


for _p in (SupportsInt, SupportsFloat, SupportsIndex, SupportsAbs, SupportsRound):
    _p._is_runtime_protocol = True


def cast(typ, val):
    return val


def assert_type(val, typ):
    return val


def assert_never(arg):
    raise AssertionError("Expected code to be unreachable, but got: %r" % (arg,))


def reveal_type(obj):
    print('Runtime type is %r' % type(obj).__name__, file=_sys.stderr)
    return obj


def overload(func):
    def _overload_dummy(*args, **kwds):
        raise NotImplementedError(
            "You should not call an overloaded function. "
            "A series of @typing.overload-decorated functions "
            "outside a stub module should always be followed "
            "by an implementation that is not @typing.overload-ed.")
    return _overload_dummy


def get_overloads(func):
    return []


def final(f):
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    return arg


def no_type_check_decorator(decorator):
    return decorator


def override(method):
    try:
        method.__override__ = True
    except (AttributeError, TypeError):
        pass
    return method


def dataclass_transform(**kwargs):
    def decorator(cls_or_fn):
        return cls_or_fn
    return decorator


def get_origin(tp):
    if isinstance(tp, (_GenericAlias, _SpecialGenericAlias)):
        o = tp.__origin__
        return o
    if tp is Generic:
        return Generic
    return None


def get_args(tp):
    if isinstance(tp, _GenericAlias):
        res = tp.__args__
        if tp.__origin__ is _abc.Callable and not (len(res) == 2 and res[0] is ...):
            res = (list(res[:-1]), res[-1])
        return res
    return ()


def _eval_hint(v, globalns, localns):
    if isinstance(v, str):
        try:
            return eval(v, globalns, localns)
        except Exception:
            return v
    if v is None:
        return type(None)
    return v


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            ann = base.__dict__.get('__annotations__', {})
            if globalns is None:
                mod = _sys.modules.get(base.__module__)
                g = getattr(mod, '__dict__', {}) if mod is not None else {}
            else:
                g = globalns
            for k, v in ann.items():
                hints[k] = _eval_hint(v, g, localns if localns is not None else dict(vars(base)))
        return hints
    ann = getattr(obj, '__annotations__', None)
    if ann is None:
        return {}
    if globalns is None:
        globalns = getattr(obj, '__globals__', {})
    for k, v in ann.items():
        hints[k] = _eval_hint(v, globalns, localns)
    return hints


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    new_type.__qualname__ = name
    new_type.__supertype__ = tp
    return new_type


def _namedtuple_mro_entries(bases):
    return (_NamedTupleBase,)


class _NamedTupleMeta(type):
    def __new__(mcls, typename, bases, ns):
        if ns.get('_root', False):
            return super().__new__(mcls, typename, bases, ns)
        types = ns.get('__annotations__', {})
        field_names = list(types)
        defaults = []
        for f in field_names:
            if f in ns:
                defaults.append(ns[f])
            elif defaults:
                raise TypeError("Non-default namedtuple field %s cannot follow default field%s %s"
                                % (f, 's' if len(defaults) > 1 else '', ', '.join(field_names[:len(defaults)])))
        nt = _collections.namedtuple(typename, field_names, defaults=defaults,
                                     module=ns.get('__module__'))
        nt.__annotations__ = dict(types)
        for key, val in ns.items():
            if key in ('__module__', '__qualname__', '__annotations__', '_root',
                       '__orig_bases__', '__doc__') or key in field_names:
                continue
            setattr(nt, key, val)
        return nt


class NamedTuple(metaclass=_NamedTupleMeta):
    _root = True

    def __new__(cls, typename, fields=None, **kwargs):
        if fields is None:
            fields = list(kwargs.items())
        nt = _collections.namedtuple(typename, [f for f, _ in fields])
        nt.__annotations__ = dict(fields)
        return nt


class _TypedDictMeta(type):
    def __new__(mcls, name, bases, ns, total=True):
        if ns.get('_root', False):
            return super().__new__(mcls, name, bases, ns)
        tp = super().__new__(mcls, name, (dict,), ns)
        ann = {}
        for b in bases:
            ann.update(getattr(b, '__annotations__', {}))
        ann.update(ns.get('__annotations__', {}))
        tp.__annotations__ = ann
        tp.__total__ = total
        tp.__required_keys__ = frozenset(ann) if total else frozenset()
        tp.__optional_keys__ = frozenset() if total else frozenset(ann)
        return tp

    def __call__(cls, *args, **kwargs):
        return dict(*args, **kwargs)

    def __instancecheck__(cls, obj):
        raise TypeError('TypedDict does not support instance and class checks')


class TypedDict(metaclass=_TypedDictMeta):
    _root = True


def _typeddict_functional(typename, fields=None, /, *, total=True, **kwargs):
    if fields is None:
        fields = kwargs
    ns = {'__annotations__': dict(fields), '__module__': 'typing'}
    return _TypedDictMeta(typename, (), ns, total=total)


IO = _SpecialGenericAlias(object, 'IO', 1)
TextIO = object
BinaryIO = object
Pattern = _SpecialGenericAlias(object, 'Pattern', 1)
Match = _SpecialGenericAlias(object, 'Match', 1)
Hashable = Hashable
