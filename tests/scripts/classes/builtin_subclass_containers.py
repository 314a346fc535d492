# Subclasses of str, tuple, list, dict, set and frozenset.
class Shout(str):
    def shout(self):
        return self.upper() + "!"


s = Shout("hi")
print(s, s.shout(), s + "x", len(s), s == "hi", {s: 1}["hi"], repr(s), type(s + "x").__name__, s[0], s * 2)
print(str(s), type(str(s)).__name__, "i" in s, list(s), f"[{s:>4}]", s.startswith("h"), "-".join([s, s]))


class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))

    @property
    def first(self):
        return self[0]

    def __repr__(self):
        return f"Pair{tuple.__repr__(self)}"


p = Pair(1, 2)
a, b = p
print(p, p.first, p[1], len(p), p == (1, 2), hash(p) == hash((1, 2)), tuple(p), type(tuple(p)).__name__, a, b)
print(p + (3,), sorted([Pair(2, 1), Pair(1, 9)]), p[::-1], list(p))


class Tagged(list):
    def __init__(self, *items, tag="t"):
        super().__init__(items)
        self.tag = tag

    def __getitem__(self, i):
        return super().__getitem__(i) * 10


l = Tagged(1, 2, tag="mine")
l.append(3)
l += [4]
print(l, l[0], len(l), l.tag, list(l), isinstance(l, list), l + [5], type(l).__name__, sorted(l, reverse=True))
l[0] = 7
del l[1]
print(l, l.pop(), l, l == [7, 3], [x for x in l])


class Counting(dict):
    def __init__(self, *a, **kw):
        self.sets = 0
        super().__init__(*a, **kw)

    def __setitem__(self, k, v):
        self.sets += 1
        super().__setitem__(k, v)

    def __missing__(self, k):
        return k * 2


d = Counting(a=1)
d["b"] = 2
d["c"] = 3
print(d, d["zz"], len(d), "a" in d, sorted(d), d.get("b"), d.get("q"), d.sets, type(d).__name__)
print(dict(d), type(dict(d)).__name__, d == {"a": 1, "b": 2, "c": 3}, list(d.items()), d.pop("a"), d)
print(dict.__getitem__(d, "b"), dict.__contains__(d, "c"), dict.__len__(d))


class Ordered(dict):
    def __iter__(self):
        return iter(sorted(super().__iter__()))


o = Ordered(z=1, a=2, m=3)
print(list(o), [k for k in o], sorted(o.keys()))


class Bag(set):
    def add_twice(self, x):
        self.add(x)
        self.add(x)


bg = Bag([3, 1])
bg.add_twice(2)
print(sorted(bg), len(bg), 2 in bg, bg == {1, 2, 3}, sorted(bg | {9}), type(bg).__name__)


class Frozen(frozenset):
    pass


fz = Frozen([1, 2])
print(sorted(fz), fz == frozenset([1, 2]), hash(fz) == hash(frozenset([1, 2])), {fz: 1}[frozenset([2, 1])])


class abstractclassmethod(classmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class cached(property):
    pass


class Thing:
    @abstractclassmethod
    def make(cls):
        return cls.__name__

    @cached
    def size(self):
        return 3


print(Thing.make(), Thing().size, type(Thing.__dict__["make"]).__name__)
print(hasattr(list, "__iter__"), hasattr(set, "__getitem__"), hasattr(int, "__index__"), hasattr(dict, "__setitem__"))
