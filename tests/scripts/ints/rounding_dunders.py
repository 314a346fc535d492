# __floor__, __ceil__, __trunc__, __round__, __divmod__ and __rdivmod__ of int
# and float, called directly as CPython allows (math.floor and round() call them).
import math


def show(f):
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(repr(r))


for x in (7, -7, 2**70, True, 7.5, -7.5, 2.5, -0.5, 1e20):
    print(x, x.__floor__(), x.__ceil__(), x.__trunc__(), x.__round__(), type(x.__floor__()).__name__)
print((5).__round__(-1), (15).__round__(-1), (25).__round__(-1), (2.567).__round__(2), (1234.5).__round__(-2))
print((7).__divmod__(2), (7).__rdivmod__(2), (-7).__divmod__(2), (7.5).__divmod__(2), (7.5).__rdivmod__(20))
print((7).__divmod__("x"), (7).__divmod__(2.0), (7.0).__divmod__(True), (7).__rdivmod__(None))
print(math.floor(7.5), math.ceil(7.5), math.trunc(-7.5), round(2.675, 2), divmod(7, 2.5))


class Num:
    def __rdivmod__(self, other):
        return ("rdivmod", other)


print(divmod(7, Num()), divmod(7.5, Num()))
show(lambda: float("inf").__floor__())
show(lambda: float("nan").__ceil__())
show(lambda: (7).__divmod__(0))
show(lambda: (7.0).__divmod__(0))
show(lambda: (7).__round__("x"))
show(lambda: (7).__floor__(1))
