# Allocation removal (opt/virtuals.cpp): instances built and read in one
# block never exist in machine code; an exit that sees one builds it, with
# the attributes stored so far, before the interpreter goes on. Checked
# against CPython: exits inside __init__ (a type change, a raise), after
# it, objects that the interpreter then keeps, compares and prints, and
# objects read in the arms of a diamond after the block that built them.


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)

    def __repr__(self):
        return "P(%r, %r)" % (self.x, self.y)


class Q:
    def __init__(self, a, b):
        self.a = a
        self.b = 10 / b  # raises ZeroDivisionError when b == 0
        self.c = a + 1


kept = []


def step(i, v):
    p = P(v, i)
    s = p.norm1()
    if s > 10**9:  # never: an exit while p is still virtual
        kept.append(p)
    if i % 250 == 0:
        kept.append(p)  # the interpreter's path from here: p built at the exit
    return s


def build_q(i):
    try:
        q = Q(i, i % 7)
        return q.a + q.b + q.c
    except ZeroDivisionError as e:
        return -1


def swap(i):
    a = P(i, -i)
    b = P(a.y, a.x)  # reads forwarded from a's stores
    return b.x * 3 + b.y


def arms(i, v):
    # Built in one block, read in the arms of a diamond (merging policies
    # join them) and after it; a float turns up in one arm's guard.
    p = P(v, i + 1)
    if i % 3 == 0:
        s = p.x * 2
        if i % 300 == 0:
            kept.append(p)
    else:
        s = p.y - p.x
    return s + p.x + p.y


def main():
    total = 0.0
    for i in range(3000):
        v = i if i < 1800 else i * 0.5  # int, then float: guards on the fields fail
        total += step(i, v)
        total += build_q(i)
        total += swap(i)
        total += arms(i, v if i % 7 else i * 0.25)
    print(total)
    print(len(kept), kept[:3], kept[-3:])
    print(all(type(p) is P for p in kept), sorted(vars(kept[-1]).items()))
    print(kept[0] is kept[0], kept[0] is not kept[1])


main()
