# Attribute stores that add an attribute (constructors) are compiled as the
# shape transition: checked against CPython with shapes that differ per
# iteration, slot arrays that must grow, property setters, __setattr__,
# __slots__, builtin subclasses, __dict__ views and deletions in between.


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Wide:
    def __init__(self, k):
        self.a = k
        self.b = k + 1
        self.c = k + 2
        self.d = k + 3
        self.e = k + 4  # past the first slot array (4 slots): it grows
        self.f = k + 5


class Prop:
    def __init__(self, v):
        self._v = 0
        self.v = v

    @property
    def v(self):
        return self._v

    @v.setter
    def v(self, value):
        self._v = value * 10


class Hooked:
    def __init__(self, v):
        self.v = v

    def __setattr__(self, name, value):
        object.__setattr__(self, name, (name, value))


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a = a
        self.b = b


class Box(list):
    def __init__(self, items, tag):
        list.__init__(self, items)
        self.tag = tag
        self.size = len(items)


def orders(i):
    o = P.__new__(P)
    if i % 3 == 0:
        o.x = i
        o.y = -i
    else:
        o.y = -i
        o.x = i
    if i % 5 == 0:
        o.z = i * 2
    if i % 7 == 0:
        del o.x
        o.x = i + 1000
    if i % 11 == 0:
        o.__dict__["w"] = i
    return o


def main():
    total = 0
    seen = []
    for i in range(400):
        p = P(i, i * 2)
        w = Wide(i)
        pr = Prop(i)
        h = Hooked(i)
        s = Slotted(i, -i)
        b = Box([i, i], "t%d" % (i % 3))
        o = orders(i)
        total += p.x + p.y + w.a + w.f + w.e + pr.v + h.v[1] + s.a - s.b + b.size + o.x + o.y
        total += getattr(o, "z", 0) + getattr(o, "w", 0)
        if i % 97 == 0:
            seen.append((sorted(vars(p)), sorted(vars(w)), sorted(vars(o)), vars(h), b.tag, list(b)))
    print(total)
    for s in seen:
        print(s)


main()
