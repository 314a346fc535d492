# Odds and ends: nested or-patterns, class bodies, generators, closures, namedtuples,
# recursion, comments between cases, nested matches.
import collections, math

def f(v):
    match v:
        case [a, (b, c) | [c, b, _], d]:
            return ("or nested", a, b, c, d)
        case {"x": [p, *q] | (p, q)}:
            return ("map or", p, q)
        case _:
            return "no"

for v in [[1, (2, 3), 4], [1, [2, 3, 9], 4], [1, [2, 3], 4], {"x": [1, 2, 3]}, {"x": (7, 8)}, {"x": 5}]:
    print(f(v))

class K:
    match 5:
        case int(val):
            doubled = val * 2
    print("class body", doubled)
print(K.val, K.doubled)

def gen(items):
    for it in items:
        match it:
            case [x, y]:
                yield x + y
            case _:
                yield -1
print(list(gen([[1, 2], 3, (4, 5)])))

def outer():
    match (1, 2):
        case (a, b):
            pass
    def inner():
        return a + b
    return inner()
print(outer())

match (y := 5):
    case 5:
        print("walrus subject", y)

match math.pi:
    case math.pi:
        print("pi")

Pt = collections.namedtuple("Pt", "x y")
print(Pt._fields)
print(getattr(Pt, "__match_args__", None))
match Pt(1, 2):
    case Pt(x=1, y=yy):
        print("namedtuple kw", yy)
    case _:
        print("no")
match Pt(1, 2):
    case (a, b):
        print("namedtuple as seq", a, b)

try:
    match {"a": 1}:
        case {"a": x} if x / 0:
            pass
except ZeroDivisionError as e:
    print("caught", e, x)

match ValueError("boom"):
    case ValueError(args=(msg,)):
        print("exc arg", msg)

match int:
    case type():
        print("int is a type")

def ev(e):
    match e:
        case ("+", l, r):
            return ev(l) + ev(r)
        case ("*", l, r):
            return ev(l) * ev(r)
        case ("-", x):
            return -ev(x)
        case int(n) | float(n):
            return n
        case other:
            raise ValueError(f"bad {other!r}")
print(ev(("+", 1, ("*", 2, ("-", 3)))))

match 1:  # comment
    # comment line

    case 1:  # another
        print("comments ok")

match "é":
    case "é":
        print("unicode")

match -0.0:
    case 0:
        print("neg zero == 0")

for v in [0, -0, 0.0]:
    match v:
        case -0:
            print("minus zero literal", v)

match [1, 2]:
    case [1, 2] as whole if whole:
        match whole:
            case [_, second]:
                print("nested match", second)

match b"xy":
    case str() | bytes():
        print("str or bytes")

match {"a": 1, "b": 2}:
    case {"a": _, **kw}:
        print(kw)

def many(v):
    match v:
        case 1: return "1"
        case 2: return "2"
        case 3: return "3"
        case 4 | 5 | 6: return "456"
        case _: return "x"
print([many(i) for i in range(8)])

match (1, 2, 3, 4, 5):
    case (first, *_, last):
        print(first, last)
match [1]:
    case [x, *_, y]:
        print("never")
    case [*_, z]:
        print("z", z)
x = 10
match 10:
    case x if x > 5:
        print("shadow", x)
print(x)
match Pt(3, 4):
    case Pt(a, b):
        print("namedtuple positional", a, b)


class Q:
    __match_args__ = ("x",)

    def __init__(self, x):
        self.x = x


class R:
    __match_args__ = ("y", "x")

    def __init__(self, x, y):
        self.x = x
        self.y = y


def deep(v):
    match v:
        case [((a, b) | [b, a]) as t, *rest] if rest:
            return ("as-or", a, b, t, rest)
        case [1, *r] | [2, *r] | (3, *r):
            return ("star in or", r)
        case Q(x) | R(_, x) as obj:
            return ("class or", x, type(obj).__name__)
        case {"a": [x, {"b": y}]} | {"c": (y, x)}:
            return ("deep map", x, y)
        case _:
            return "none"


for v in [[(1, 2), 0], [[1, 2], 0], [(1, 2)], [1, 5, 6], [2], (3, 4), Q(9), R(7, 8), {"a": [1, {"b": 2}]},
          {"c": (3, 4)}, {"c": [3]}]:
    print(deep(v))
