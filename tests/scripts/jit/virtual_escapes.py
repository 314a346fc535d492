# Virtual objects built where they escape (opt/virtuals.cpp, escapes): an
# object passed to a call, returned, compared by identity or written to the
# frame by a jump into another trace is built there, from its state at that
# point, and is that real object from then on: later reads see what the
# callee did to it, its identity holds, exits after the escape find it; an
# object kept on rare iterations only is built on those; a tuple built from
# an object after it escaped holds the real object.


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def make(i):
    return P(i, i + 1)  # escapes at the return


def mutate(p):
    p.x = p.x * 10
    return p


def rare_keep(n):
    keep = []
    t = 0
    for i in range(n):
        p = P(i, -i)
        if i % 97 == 5:
            keep.append(p)  # escapes on this path only
        t += p.x + p.y
    return t, [(k.x, k.y) for k in keep][:5], len(keep)


def callee_changes_it(n):
    t = 0
    last = None
    for i in range(n):
        p = P(i, 1)
        if i % 3 == 0:
            mutate(p)  # the read below sees the callee's store
        t += p.x
        last = p
    return t, last.x


def identity(n):
    same = 0
    for i in range(n):
        p = P(i, i)
        q = p
        if i % 5 == 0:
            q = make(i)
        if p is q:
            same += 1
    return same


def returned(n):
    t = 0
    for i in range(n):
        t += make(i).y
    return t


def tuple_holds_real(n):
    out = []
    for i in range(n):
        p = P(i, 2)
        if i % 50 == 0:
            out.append(p)
        pair = (p, i)
        if i % 50 == 0:
            out.append(pair)
        t = pair[0].x + pair[1]
        if t < 0:
            out.append(None)
    return len(out), out[-2].x, out[-1][0] is out[-2], out[-1][1]


class Holder:
    def __init__(self, p, k):
        self.p = p
        self.k = k


def captured_after_escape(n):
    # The Point escapes (registered), then a new Holder takes it as a value:
    # the Holder, virtual, must hold the real Point (deltablue's constraints
    # over their variables).
    registry = []
    t = 0
    for i in range(n):
        p = P(i, 3)
        registry.append(p)
        h = Holder(p, i)
        t += h.p.x + h.k
        if h.p is not registry[-1]:
            t = -1
        if i == n - 1:
            return t, h.p is p, len(registry), (h.p.x, h.p.y)
    return t


def exit_after_escape(n):
    keep = []
    for i in range(n):
        p = P(i, 0.5)
        keep.append(p)
        if i == n - 2:
            p.y = "late"  # an exit after the escape: the object in `keep` is the one changed
    return keep[-2].y, keep[-1].y, keep[-2] is keep[-2]


print(rare_keep(3000))
print(callee_changes_it(2000))
print(identity(2000))
print(returned(2000))
print(tuple_holds_real(2000))
print(captured_after_escape(2000))
print(exit_after_escape(500))
