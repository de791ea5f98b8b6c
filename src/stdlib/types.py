"""types for weft: names of the interpreter's built-in types, and
SimpleNamespace / new_class / coroutine helpers."""

import sys


def _f():
    pass


FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = type(_f.__code__) if hasattr(_f, "__code__") else None


def _g():
    yield 1


GeneratorType = type(_g())


class _C:
    def _m(self):
        pass


MethodType = type(_C()._m)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
ModuleType = type(sys)
NoneType = type(None)
NotImplementedType = type(NotImplemented)
EllipsisType = type(Ellipsis)
WrapperDescriptorType = type(object.__init__)
MethodWrapperType = type(object().__str__)
MethodDescriptorType = type(str.join)
ClassMethodDescriptorType = type(dict.__dict__["fromkeys"]) if "fromkeys" in getattr(dict, "__dict__", {}) else None


class MappingProxyType:
    """A read-only view of a mapping."""

    def __init__(self, mapping):
        if not hasattr(mapping, "keys") or not hasattr(mapping, "__getitem__"):
            raise TypeError("mappingproxy() argument must be a mapping, not %s" % type(mapping).__name__)
        self._m = mapping

    def __getitem__(self, key):
        return self._m[key]

    def __iter__(self):
        return iter(self._m)

    def __len__(self):
        return len(self._m)

    def __contains__(self, key):
        return key in self._m

    def get(self, key, default=None):
        return self._m.get(key, default)

    def keys(self):
        return self._m.keys()

    def values(self):
        return self._m.values()

    def items(self):
        return self._m.items()

    def copy(self):
        return self._m.copy()

    def __eq__(self, other):
        return self._m == other

    def __or__(self, other):
        return dict(self._m) | other

    def __repr__(self):
        return "mappingproxy(%r)" % (self._m,)

    def __str__(self):
        return str(self._m)

    def __setitem__(self, key, value):
        raise TypeError("'mappingproxy' object does not support item assignment")

    def __delitem__(self, key):
        raise TypeError("'mappingproxy' object does not support item deletion")


GetSetDescriptorType = type(FunctionType.__code__) if hasattr(FunctionType, "__code__") else None
MemberDescriptorType = GetSetDescriptorType
del _f, _g, _C


class SimpleNamespace:
    def __init__(self, mapping_or_iterable=(), /, **kwargs):
        self.__dict__.update(dict(mapping_or_iterable))
        self.__dict__.update(kwargs)

    def __repr__(self):
        items = ("{}={!r}".format(k, v) for k, v in self.__dict__.items())
        name = "namespace" if type(self) is SimpleNamespace else type(self).__name__
        return "{}({})".format(name, ", ".join(items))

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __reduce__(self):
        return (type(self), (), dict(self.__dict__))


def new_class(name, bases=(), kwds=None, exec_body=None):
    kwds = dict(kwds or {})
    meta = kwds.pop("metaclass", type)
    ns = {}
    if exec_body is not None:
        exec_body(ns)
    return meta(name, tuple(bases), ns, **kwds)


def resolve_bases(bases):
    return tuple(bases)


def coroutine(func):
    return func


class DynamicClassAttribute(property):
    pass




def _union_arg_repr(a):
    if a is type(None):
        return "None"
    if isinstance(a, type):
        if a.__module__ == "builtins":
            return a.__qualname__
        return "%s.%s" % (a.__module__, a.__qualname__)
    return repr(a)


class UnionType:
    """The type of `X | Y` unions of classes (PEP 604)."""

    def __init__(self, args):
        self.__args__ = args

    @classmethod
    def _from(cls, a, b):
        args = []
        for x in (a, b):
            items = x.__args__ if isinstance(x, UnionType) else (x,)
            for item in items:
                if item is None:
                    item = type(None)
                if item not in args:
                    args.append(item)
        if len(args) == 1:
            return args[0]
        return cls(tuple(args))

    def __or__(self, other):
        if not _unionable(other):
            return NotImplemented
        return UnionType._from(self, other)

    def __ror__(self, other):
        if not _unionable(other):
            return NotImplemented
        return UnionType._from(other, self)

    def __repr__(self):
        return " | ".join(_union_arg_repr(a) for a in self.__args__)

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__args__)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self.__args__)

    @property
    def __parameters__(self):
        return ()


def _unionable(x):
    return x is None or isinstance(x, (type, UnionType)) or hasattr(x, "__origin__")


def _type_or(a, b):
    """`a | b` for classes (what type.__or__ / __ror__ call)."""
    if not (_unionable(a) and _unionable(b)):
        return NotImplemented
    return UnionType._from(a, b)


class GenericAlias:
    """A parameterized builtin generic such as `list[int]` (PEP 585)."""

    def __init__(self, origin, args):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return getattr(self.__origin__, name)

    @property
    def __parameters__(self):
        return ()

    def __repr__(self):
        def r(a):
            if a is Ellipsis:
                return "..."
            if isinstance(a, type) and not isinstance(a, GenericAlias):
                if a.__module__ == "builtins":
                    return a.__qualname__
                return "%s.%s" % (a.__module__, a.__qualname__)
            return repr(a)
        if self.__args__ == ():
            inner = "()"
        else:
            inner = ", ".join(r(a) for a in self.__args__)
        return "%s[%s]" % (r(self.__origin__), inner)

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __or__(self, other):
        return _type_or(self, other)

    def __ror__(self, other):
        return _type_or(other, self)

    def __instancecheck__(self, obj):
        raise TypeError("isinstance() argument 2 cannot be a parameterized generic")

    def __subclasscheck__(self, cls):
        raise TypeError("issubclass() argument 2 cannot be a parameterized generic")

    def __getitem__(self, item):
        raise TypeError("%r is not a generic class" % (self,))
