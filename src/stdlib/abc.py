"""Abstract base classes (weft): ABCMeta with register(), __subclasshook__
and abstract-method checks at instantiation."""


def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    __isabstractmethod__ = True


class abstractstaticmethod(staticmethod):
    __isabstractmethod__ = True


class abstractproperty(property):
    __isabstractmethod__ = True


def _is_abstract(v):
    if getattr(v, '__isabstractmethod__', False):
        return True
    f = getattr(v, '__func__', None)
    if f is not None and getattr(f, '__isabstractmethod__', False):
        return True
    if isinstance(v, property):
        return getattr(v.fget, '__isabstractmethod__', False)
    return False


class ABCMeta(type):
    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        abstracts = set()
        for n, v in namespace.items():
            if _is_abstract(v):
                abstracts.add(n)
        for base in bases:
            for n in getattr(base, '__abstractmethods__', ()):
                v = getattr(cls, n, None)
                if _is_abstract(v):
                    abstracts.add(n)
        cls.__abstractmethods__ = frozenset(abstracts)
        cls._abc_registry = []
        for b in cls.__mro__[1:]:
            if isinstance(b, ABCMeta):
                _abc_subclasses.setdefault(id(b), []).append(cls)
        return cls

    def __call__(cls, *args, **kwargs):
        abstracts = cls.__dict__.get('__abstractmethods__')
        if abstracts is None:
            abstracts = getattr(cls, '__abstractmethods__', ())
        if abstracts:
            names = sorted(abstracts)
            raise TypeError("Can't instantiate abstract class %s with abstract method%s %s"
                            % (cls.__name__, 's' if len(names) > 1 else '', ', '.join(names)))
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        cls._abc_registry.append(subclass)
        return subclass

    def __instancecheck__(cls, instance):
        return cls.__subclasscheck__(type(instance))

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        if cls in subclass.__mro__:
            return True
        hook = None
        for klass in cls.__mro__:
            if '__subclasshook__' in klass.__dict__:
                hook = klass.__dict__['__subclasshook__']
                break
        if hook is not None:
            f = getattr(hook, '__func__', hook)
            ok = f(cls, subclass)
            if ok is not NotImplemented:
                return bool(ok)
        return _registered(cls, subclass, 0)

    def _dump_registry(cls, file=None):
        print("Class: %s.%s" % (cls.__module__, cls.__qualname__), file=file)


def _registered(cls, subclass, depth):
    if depth > 50:
        return False
    for r in cls.__dict__.get('_abc_registry', ()):
        if r is subclass or r in subclass.__mro__:
            return True
        if isinstance(r, ABCMeta) and _registered(r, subclass, depth + 1):
            return True
    for sub in _abc_subclasses.get(id(cls), ()):
        if sub is not cls and (sub in subclass.__mro__ or _registered(sub, subclass, depth + 1)):
            return True
    return False


# ABC subclasses of each ABC (by id), so registering with MutableMapping
# answers for Mapping too.
_abc_subclasses = {}

class ABC(metaclass=ABCMeta):
    __slots__ = ()


def get_cache_token():
    return 0


def update_abstractmethods(cls):
    return cls
