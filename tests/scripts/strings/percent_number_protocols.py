# printf-style formatting asks __int__/__index__/__float__ of user objects,
# and a tuple subclass (namedtuple) is the argument tuple.
import collections


class IntAndIndex:
    def __int__(self):
        return 7

    def __index__(self):
        return 7


class OnlyInt:
    def __int__(self):
        return 3


class OnlyFloat:
    def __float__(self):
        return 2.5


class Rmod:
    def __str__(self):
        return "Rmod()"

    def __rmod__(self, other):
        return "rmod"


P = collections.namedtuple("P", "x y")


def show(fmt, arg):
    try:
        print(repr(fmt % arg))
    except Exception as e:
        print(type(e).__name__, e)


show("%d", IntAndIndex())
show("%x", IntAndIndex())
show("%o", IntAndIndex())
show("%d", OnlyInt())
show("%x", OnlyInt())
show("%f", OnlyFloat())
show("%f", IntAndIndex())
show("%e", OnlyInt())
show("%d", OnlyFloat())
show("%s %s", P(1, 2))
show("%d-%d", P(3, 4))
show("%s", P(1, 2))
show("%s", Rmod())
show("abc", Rmod())
show("%s", (P(5, 6),))


class MyTuple(tuple):
    pass


show("%s+%s", MyTuple((1, 2)))
