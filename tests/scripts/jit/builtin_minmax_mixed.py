# min/max of two numbers compiled as IR: ints, floats, and an int against a
# float (the winner keeps its type), NaN and signed zeros, values that switch
# type mid-loop, and min/max rebound to another function.
import math


def ints(n):
    lo, hi = 10 ** 6, -(10 ** 6)
    for i in range(n):
        v = (i * 37) % 101 - 50
        lo = min(lo, v)
        hi = max(v, hi)
    return lo, hi


print(ints(200))


def floats(n):
    acc = 0.0
    for i in range(n):
        x = i * 0.25
        acc += min(x, 3.0) + max(1.5, x)
    return acc


print(floats(40))


def mixed(n):
    out = []
    for i in range(n):
        a = i
        b = 5.0
        out.append(min(a, b))
        out.append(max(a, b))
        out.append(max(b, 5))
        out.append(min(5, b))
    return out


print(mixed(12))


def special(n):
    nan = float("nan")
    res = []
    for i in range(n):
        z = -0.0 if i % 2 else 0.0
        res.append(repr(min(0.0, z)) + repr(max(z, 0.0)) + repr(min(z, 0.0)))
        v = nan if i == n - 2 else float(i)
        res.append(repr(max(v, 1.0)) + repr(min(1.0, v)))
    return res


print(special(8))


def switch_type(n):
    t = 0
    x = 1
    for i in range(n):
        if i == n // 2:
            x = 2.5
        t = max(t, x * i)
    return t


print(switch_type(30))


def big(n):
    m = 0
    for i in range(n):
        m = max(m, 2 ** 40 * i)
    return m


print(big(20))


def rebound(n):
    global min
    s = 0
    for i in range(n):
        s += min(i, 10)
        if i == n // 2:
            min = lambda a, b: a + b
    del min
    return s


print(rebound(30))


def convert(n):
    out = 0
    fl = 0.0
    for i in range(n):
        out += int(i * 1.7) + int(-i * 0.3) + int(i)
        fl += float(i) + float(i * 0.5)
        fl += math.sqrt(i) + math.fabs(-i)
    return out, fl


print(convert(50))


def convert_exits(n):
    res = []
    vals = [1.5, -2.5, 1e20, -0.0, 7.99]
    for i in range(n):
        v = vals[i % len(vals)]
        res.append(int(v))
    for x in [4.0, 2, 0.0, -1.0]:
        try:
            res.append(math.sqrt(x))
        except ValueError as e:
            res.append(str(e))
    try:
        int(float("nan"))
    except ValueError as e:
        res.append(str(e))
    return res


print(convert_exits(12))
