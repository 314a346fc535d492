# __slots__: instances have only the listed attributes (no __dict__ unless
# listed), a member descriptor per slot in the class, unset slots raise
# AttributeError, subclasses without __slots__ get a __dict__ again, private
# names are mangled; the errors of bad slot lists. Stores run hot enough for
# the JIT to compile the loops.


def show(f):
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(r)


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y


p = Point(3, 4)
print(p.x, p.y, p.norm2(), Point.__slots__)
print(type(Point.x).__name__, repr(Point.x), Point.x.__get__(None, Point) is Point.x)
show(lambda: setattr(p, "z", 1))
show(lambda: p.__dict__)
show(lambda: vars(p))
print(hasattr(p, "x"), hasattr(p, "z"), hasattr(p, "__dict__"))
del p.x
show(lambda: p.x)
show(lambda: delattr(p, "x"))
p.x = 7
print(p.x)

total = 0
for i in range(2000):
    q = Point(i, -i)
    q.x = q.x + 1
    total += q.norm2()
print(total)
errors = 0
for i in range(300):
    try:
        q.other = i
    except AttributeError:
        errors += 1
print(errors)


class Point3(Point):
    __slots__ = ("z",)


p3 = Point3(1, 2)
p3.z = 3
print(p3.x, p3.y, p3.z, Point3.__slots__)
show(lambda: setattr(p3, "w", 1))


class Free(Point):
    pass


f = Free(1, 2)
f.extra = 5
print(f.extra, f.__dict__, sorted(vars(f)))


class OneName:
    __slots__ = "only"


o = OneName()
show(lambda: o.only)
o.only = 1
print(o.only, OneName.__slots__)


class WithDict:
    __slots__ = ("v", "__dict__")


w = WithDict()
w.v = 1
w.anything = 2
print(w.v, w.anything, w.__dict__)


class Empty:
    __slots__ = ()


show(lambda: setattr(Empty(), "x", 1))


class Private:
    __slots__ = ("__secret",)

    def __init__(self):
        self.__secret = 42

    def reveal(self):
        return self.__secret


print(Private().reveal(), hasattr(Private, "_Private__secret"))


class ClassVar:
    __slots__ = ("a",)
    shared = 10


cv = ClassVar()
print(cv.shared)
show(lambda: setattr(cv, "shared", 1))


class WithProperty:
    __slots__ = ("_v",)

    @property
    def v(self):
        return self._v

    @v.setter
    def v(self, value):
        self._v = value * 2


wp = WithProperty()
wp.v = 5
print(wp.v, wp._v)

show(lambda: type("T", (), {"__slots__": ("a", "a")}).__name__)
show(lambda: type("T", (), {"__slots__": (1,)}))
show(lambda: type("T", (), {"__slots__": ("not an identifier",)}))
show(lambda: type("T", (), {"__slots__": ("x",), "x": 5}))
show(lambda: type("T", (), {"__slots__": ["__dict__", "__dict__"]}))
show(lambda: Point.x.__get__(5, int))
