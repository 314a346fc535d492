# Class patterns: isinstance, __match_args__, keyword attributes, the builtins
# that match themselves, subclasses and missing attributes.


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class Point3(Point):
    __match_args__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


class Circle:
    def __init__(self, center, r):
        self.center = center
        self.r = r

    @property
    def area(self):
        return 3 * self.r * self.r


def where(p):
    match p:
        case Point3(0, 0, 0):
            return "3d origin"
        case Point3(x, y, z=zz):
            return f"3d {x} {y} {zz}"
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"y axis {y}"
        case Point(x, 0):
            return f"x axis {x}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return f"elsewhere {p}"
        case Circle(center=Point(0, 0), r=r):
            return f"circle at origin r={r}"
        case Circle(r=r, area=a) if a > 100:
            return f"big circle area {a}"
        case Circle(radius=r):
            return "never: no attribute radius"
        case Circle():
            return "small circle"
        case _:
            return f"not a shape: {p!r}"


for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 2), Point3(0, 0, 0), Point3(1, 2, 3),
          Circle(Point(0, 0), 2), Circle(Point(1, 1), 10), Circle(Point(1, 1), 1), 7, "point"]:
    print(where(p))


# The builtins match their single positional sub-pattern against the subject.
def builtin(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(i) if i < 0:
            return f"negative int {i}"
        case int(i):
            return f"int {i}"
        case float(f):
            return f"float {f}"
        case str(s):
            return f"str {s!r}"
        case bytes(bs):
            return f"bytes {bs!r}"
        case bytearray(ba):
            return f"bytearray {ba!r}"
        case list([a, *_]):
            return f"list starting {a}"
        case tuple(t):
            return f"tuple {t}"
        case dict({"k": k}):
            return f"dict with k={k}"
        case set(s) | frozenset(s):
            return f"{type(s).__name__} of {len(s)}"
        case list():
            return "empty list"
        case dict():
            return "other dict"
        case _:
            return f"other {type(v).__name__}"


for v in [True, False, -3, 7, 2.5, "s", b"b", bytearray(b"ba"), [1, 2], [], (1,), {"k": 0}, {"j": 1}, {1, 2},
          frozenset([3]), None, range(2)]:
    print(builtin(v))


# Dotted class names and classes without __match_args__ but with keywords.
class Shapes:
    class Square:
        def __init__(self, side):
            self.side = side


match Shapes.Square(4):
    case Shapes.Square(side=4):
        print("square of side 4")


# An attribute raising AttributeError fails the match; other errors propagate.
class Lazy:
    @property
    def value(self):
        raise AttributeError("no value yet")


match Lazy():
    case Lazy(value=v):
        print("never")
    case Lazy():
        print("Lazy without value")


# Class patterns with a tuple of classes are not allowed, but isinstance with
# abstract-free hierarchies works through the MRO.
class Base:
    __match_args__ = ("kind",)
    kind = "base"


class Derived(Base):
    kind = "derived"


for obj in [Base(), Derived()]:
    match obj:
        case Derived(k) if k == "nope":
            print("never")
        case Derived(k):
            print("Derived", k)
        case Base(k):
            print("Base", k)
