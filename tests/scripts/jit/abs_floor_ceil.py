# abs() of ints and math.floor/ceil as IR: the small-int edge (abs of
# -2**47 is a big int), floats whose floor does not fit a small int, and
# NaN / infinities raising the same errors as CPython, mid-loop.
import math
from math import ceil, floor


def absolutes(xs):
    out = []
    for x in xs:
        out.append(abs(x))
    return out


edge = -(2**47)
print(absolutes([1, -2, 3, -4, 0, -5, edge + 1, edge, 2**47 - 1, -(2**60), 7, -8, -9.5, 10]))
print(absolutes([-1, -2, -3, -4, -5, -6, edge, edge, True, False]))


def rounding(xs):
    out = []
    for x in xs:
        try:
            out.append((floor(x), ceil(x), math.floor(-x), math.ceil(-x)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out


vals = [0.5, -0.5, 1.0, -1.0, 2.75, -2.75, 0.0, -0.0, 3, -4, 1e3, 1e14 + 0.5, 1.4e14 + 0.5, 2.0**47 - 0.5,
        2.0**47, -(2.0**47) - 0.5, 1e300, -1e300, float("inf"), float("-inf"), float("nan"), 5.5, 6.5]
for r in rounding(vals):
    print(r)


def acc(n):
    s = 0
    for i in range(n):
        x = (i - n / 2) * 0.37
        s += floor(x) * 3 + ceil(x) + abs(floor(x)) + abs(i - n)
    return s


for n in (10, 100, 1000):
    print(acc(n))
