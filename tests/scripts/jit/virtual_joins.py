# Virtual objects across joins (opt/virtuals.cpp plan_join): each arm of a
# merged diamond builds its own object and the code below reads the one that
# arrived; exits below the join, in the arms and around the loop must build
# exactly the objects the interpreter sees: attributes, types, identity kept
# after the exit, exceptions raised with the object live, arms whose objects
# differ in shape or length (no join), and an object that escapes on one path.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Other:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def exits_below(n):
    t = 0.0
    for i in range(n):
        if i % 3 == 0:
            p = Point(i * 0.5, 1.0)
        else:
            p = Point(1.0, i * 0.25)
        if i == n - 5:
            p.x = "late"  # a type change below the join: an exit builds p first
            return t, p.x, p.y, type(p).__name__
        t += p.x * p.y
    return t


def raising(n):
    t = 0.0
    for i in range(n):
        if i & 1:
            p = Point(i, i - 701)
        else:
            p = Point(i, 2.5)
        try:
            t += p.x / p.y
        except ZeroDivisionError:
            return "ZeroDivisionError at", p.x, p.y, t
    return t


def identity(n):
    keep = {}
    for i in range(n):
        if i % 4:
            p = Point(i, -i)
        else:
            p = Point(-i, i)
        if i % 500 == 7:
            keep[i] = p  # escapes on this path only
    last = p
    return len(keep), sum(q.x for q in keep.values()), last is p, last.x, last.y


def shapes_differ(n):
    t = 0
    for i in range(n):
        if i % 5 == 0:
            p = Point(i, 1)
        else:
            p = Other(1, i)  # another class: no join, both allocated
        t += p.x + p.y
        q = (i, 1) if i % 7 else (i, 1, 2)  # other lengths
        t += q[0] + len(q)
    return t, type(p).__name__, q


def tuples_joined(n):
    acc = 0
    for i in range(n):
        pair = (i, i * 2) if i % 3 else (i * 2, i)
        a, b = pair
        acc += a - b
        if i == n - 1:
            return acc, pair
    return acc


print(exits_below(3000))
print(raising(2000))
print(identity(3000))
print(shapes_differ(3000))
print(tuples_joined(3000))
