# sys.getsizeof and __sizeof__: CPython 3.11's 64-bit sizes for the values
# whose layout is fixed (ints by 30-bit digits, str by its widest character,
# bytes, tuples, sets, instances), a user __sizeof__ and the default argument.
import sys


def show(f):
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(repr(r))


values = [None, True, False, 0, 1, -1, 2**29, 2**30, 2**60, -2**63, 2**100, 10**50, 1.5, 0.0,
          "", "a", "hello", "é", "aé", "€", "a€", "😀", "a😀", "x" * 100,
          b"", b"abc", b"x" * 50, bytearray(), bytearray(b"x"), bytearray(b"hello"),
          (), (1,), (1, 2, 3), tuple(range(20)), [], {}, {1: 2}, {"a": 1}, {i: i for i in range(6)},
          set(), {1, 2, 3}, set(range(10)), set(range(100)), frozenset(), frozenset(range(5)),
          range(10), range(0, 10**30, 7), slice(1), slice(1, 2, 3), object()]
for v in values:
    print(type(v).__name__, sys.getsizeof(v), v.__sizeof__())


class Plain:
    pass


class WithAttrs:
    def __init__(self):
        self.a, self.b, self.c = 1, 2, 3


print(sys.getsizeof(Plain()), sys.getsizeof(WithAttrs()), Plain().__sizeof__())
# ordering that holds whatever the layout
print(sys.getsizeof(2**200) > sys.getsizeof(2**100) > sys.getsizeof(1))
print(sys.getsizeof("abcd") > sys.getsizeof("abc"), sys.getsizeof([1, 2, 3]) > sys.getsizeof([]))
print(sys.getsizeof({i: i for i in range(100)}) > sys.getsizeof({}))


class Custom:
    def __sizeof__(self):
        return 100


class Negative:
    def __sizeof__(self):
        return -1


class NotInt:
    def __sizeof__(self):
        return 1.5


class Raises:
    def __sizeof__(self):
        raise TypeError("no size")


class Big:
    def __sizeof__(self):
        return 2**70


class FromSuper:
    def __sizeof__(self):
        return super().__sizeof__() + 1000


print(sys.getsizeof(Custom()), sys.getsizeof(FromSuper()))
show(lambda: sys.getsizeof(Negative()))
show(lambda: sys.getsizeof(NotInt()))
show(lambda: sys.getsizeof(NotInt(), 7))
show(lambda: sys.getsizeof(Raises()))
show(lambda: sys.getsizeof(Raises(), "dflt"))
show(lambda: sys.getsizeof(Negative(), 7))
show(lambda: sys.getsizeof(Big()))
show(lambda: sys.getsizeof())
show(lambda: sys.getsizeof(1, 2, 3))
show(lambda: sys.getsizeof(1, default=5))
show(lambda: (1).__sizeof__(2))
