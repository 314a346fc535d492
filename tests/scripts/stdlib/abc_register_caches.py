# abc: ABCMeta with the native _abc — abstract methods, register and virtual
# subclasses, __subclasshook__, the caches and the cache token, collections.abc.
import abc
import collections.abc as cabc
import io


class Base(abc.ABC):
    @abc.abstractmethod
    def run(self):
        ...

    @property
    @abc.abstractmethod
    def size(self):
        ...

    def helper(self):
        return "helper"


print(sorted(Base.__abstractmethods__))
try:
    Base()
except TypeError as e:
    print("TypeError", e)


class Half(Base):
    def run(self):
        return "ran"


print(sorted(Half.__abstractmethods__))


class Full(Half):
    size = 3


f = Full()
print(f.run(), f.size, f.helper(), Full.__abstractmethods__)
print(isinstance(f, Base), issubclass(Full, Base), issubclass(int, Base))

# Virtual subclasses.
class Plain:
    pass


token = abc.get_cache_token()
print(issubclass(Plain, Base), isinstance(Plain(), Base))
print(Base.register(Plain) is Plain, abc.get_cache_token() == token + 1)
print(issubclass(Plain, Base), isinstance(Plain(), Base), Plain.__mro__ == (Plain, object))


class SubPlain(Plain):
    pass


print(issubclass(SubPlain, Base), isinstance(SubPlain(), Base))
print(Base.register(Full) is Full, abc.get_cache_token() == token + 1)  # already a subclass: no-op
try:
    Plain.register
except AttributeError as e:
    print("AttributeError", e)
try:
    Base.register(5)
except TypeError as e:
    print("TypeError", e)


class Other(abc.ABC):
    pass


Other.register(Base)
print(issubclass(Full, Other), issubclass(Plain, Other), isinstance(f, Other))
try:
    Base.register(Other)
except RuntimeError as e:
    print("RuntimeError", e)

# Register as a class decorator.
@Other.register
class Decorated:
    pass


print(Decorated.__name__, issubclass(Decorated, Other), issubclass(Decorated, Base))


# __subclasshook__: True, False and NotImplemented.
class Sized2(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized2:
            if any("__len2__" in B.__dict__ for B in C.__mro__):
                return True
            if any("__nolen2__" in B.__dict__ for B in C.__mro__):
                return False
        return NotImplemented


class HasLen2:
    def __len2__(self):
        return 0


class NoLen2:
    __nolen2__ = True


print(issubclass(HasLen2, Sized2), isinstance(HasLen2(), Sized2), issubclass(NoLen2, Sized2))
Sized2.register(NoLen2)
print("hook False wins over register:", issubclass(NoLen2, Sized2))


class Bad(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 1


try:
    issubclass(int, Bad)
except AssertionError as e:
    print("AssertionError", e)

# Negative cache invalidated by a later register().
class Late(abc.ABC):
    pass


class Candidate:
    pass


print(issubclass(Candidate, Late))
Late.register(Candidate)
print(issubclass(Candidate, Late))
Late._abc_registry_clear()
Late._abc_caches_clear()
print("after clearing:", issubclass(Candidate, Late))

# Dump helpers.
Late.register(Candidate)
issubclass(int, Late)
registry, cache, negative, version = abc._get_dump(Late)
print([r() for r in registry], [r() for r in negative], isinstance(version, int))

# _abc_impl is per class and not inherited into instances' dicts.
print("_abc_impl" in vars(Base), "_abc_impl" in vars(Full), "_abc_impl" in vars(f), type(Base._abc_impl).__name__)
print(Base._abc_impl is not Full._abc_impl)


# A metaclass that is not ABCMeta can still use ABCs; update_abstractmethods.
class Point(abc.ABC):
    @abc.abstractmethod
    def norm(self):
        ...


class P2(Point):
    pass


P2.norm = lambda self: 0
abc.update_abstractmethods(P2)
print(P2.__abstractmethods__, P2().norm())

# collections.abc.
print(isinstance([], cabc.Sequence), isinstance({}, cabc.Mapping), isinstance("", cabc.Sequence))
print(isinstance(iter([]), cabc.Iterator), isinstance((x for x in ()), cabc.Generator))
print(issubclass(dict, cabc.MutableMapping), issubclass(tuple, cabc.MutableSequence), issubclass(set, cabc.Set))
print(isinstance(io.StringIO(), io.IOBase), issubclass(io.StringIO, io.TextIOBase))


class MyMap(cabc.Mapping):
    def __init__(self, d):
        self.d = d

    def __getitem__(self, k):
        return self.d[k]

    def __iter__(self):
        return iter(self.d)

    def __len__(self):
        return len(self.d)


m = MyMap({"a": 1, "b": 2})
print(dict(m), m.get("c", 0), "a" in m, list(m.items()), isinstance(m, cabc.Mapping), isinstance(m, dict))


class Duck:
    def __iter__(self):
        return iter(())

    def __len__(self):
        return 0

    def __contains__(self, x):
        return False


print(isinstance(Duck(), cabc.Collection), isinstance(Duck(), cabc.Sized), isinstance(Duck(), cabc.Sequence))
cabc.Sequence.register(Duck)
print(isinstance(Duck(), cabc.Sequence), isinstance(Duck(), cabc.Reversible))


class SeqLike:
    def __len__(self):
        return 2

    def __getitem__(self, i):
        if i >= 2:
            raise IndexError
        return i * 10


cabc.Sequence.register(SeqLike)
for subject in (SeqLike(), m, Duck(), "ab", [1, 2]):
    match subject:
        case {"a": v}:
            print("mapping", v)
        case [x, y]:
            print("sequence", x, y)
        case _:
            print("neither", type(subject).__name__)


# classmethod and staticmethod over abstractmethod, and a property's setter.
class CM(abc.ABC):
    @classmethod
    @abc.abstractmethod
    def make(cls):
        ...

    @staticmethod
    @abc.abstractmethod
    def util():
        ...

    @property
    def value(self):
        return 1

    @value.setter
    @abc.abstractmethod
    def value(self, v):
        ...

    @classmethod
    def concrete(cls):
        return cls.__name__


print(sorted(CM.__abstractmethods__), CM.concrete())
print(classmethod(len).__isabstractmethod__, property(len).__isabstractmethod__)
