# A loop that builds an object per iteration into a local (carried around
# the loop as that local's value, never read before it is set again): the
# allocation is removed, the header keeps the attributes in PHIs of their
# own, and an exit builds the last object when the interpreter needs it
# (after the last iteration, in a bridge, on a raise); an exit taken before
# the first new object sees the one the loop started with (identity kept).


class Rec:
    def __init__(self, key, value):
        self.key = key
        self.value = value


def scan(n, start):
    rec = start
    total = 0
    for i in range(n):
        rec = Rec(i, i * 2)
        total += rec.value - rec.key
        if i == n - 5:
            total += 1  # a side path (a bridge) that sees the carried local
    return total, rec


def scan_raise(n):
    rec = None
    try:
        for i in range(n):
            rec = Rec(i, 100 // (n - 1 - i))  # raises on the last iteration
    except ZeroDivisionError:
        return rec.key, rec.value, type(rec).__name__
    return None


first = Rec(-1, -1)
for n in (0, 1, 3, 50, 2000):
    total, rec = scan(n, first)
    print(n, total, rec is first, rec.key, rec.value, sorted(vars(rec)))
for n in (2, 40, 1500):
    print(scan_raise(n))
