# An exception class's own __new__ makes its instances, as for any class.
class E(Exception):
    def __new__(cls, *args):
        print("E.__new__", cls.__name__, args)
        self = super().__new__(cls, *args)
        self.extra = "set in __new__"
        return self


try:
    raise E("a", 1)
except E as e:
    print(e.extra, e.args, str(e))


class Doubled(ValueError):
    def __new__(cls, x):
        return super().__new__(cls, x * 2)

    def __init__(self, x):
        pass


print(Doubled(3).args)


class DefaultInit(ValueError):
    # BaseException.__init__ sets args from the call, whatever __new__ passed.
    def __new__(cls, x):
        return super().__new__(cls, x * 2)


print(DefaultInit(3).args)


class Other(Exception):
    def __new__(cls, *a):
        return ValueError("other")


print(repr(Other(1)))
try:
    raise Other(2)
except ValueError as e:
    print("caught", repr(e))


class Cached(KeyError):
    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance


print(Cached() is Cached(), repr(Cached()))


class Sub(E):
    pass


s = Sub("s")
print(type(s).__name__, s.extra, s.args)


class WithInit(Exception):
    def __init__(self, a, b=2):
        super().__init__(a + b)
        self.a = a


w = WithInit(1)
print(w.args, w.a)
print(BaseException.__new__(ValueError, 1, 2).args)
