# Mapping patterns: dicts and their subclasses, extra keys, **rest, value keys.
import collections


class Keys:
    NAME = "name"
    AGE = "age"


def describe(v):
    match v:
        case {"type": "point", "x": x, "y": y}:
            return f"point {x},{y}"
        case {"type": "circle", "r": r, **rest} if rest:
            return f"circle r={r} extra={rest}"
        case {"type": "circle", "r": r}:
            return f"circle r={r}"
        case {Keys.NAME: str(name), Keys.AGE: int(age)}:
            return f"person {name} {age}"
        case {1: one, 2.5: two, None: n, False: f}:
            return f"odd keys {one} {two} {n} {f}"
        case {"nested": {"inner": [a, b]}}:
            return f"nested {a} {b}"
        case {}:
            return f"some mapping with {len(v)} keys"
        case _:
            return "no mapping"


cases = [
    {"type": "point", "x": 1, "y": 2},
    {"type": "point", "x": 1},
    {"type": "point", "x": 1, "y": 2, "z": 3},
    {"type": "circle", "r": 5},
    {"type": "circle", "r": 5, "color": "red", "fill": None},
    {"name": "Ann", "age": 31},
    {"name": "Ann", "age": "31"},
    {1: "a", 2.5: "b", None: "c", False: "d"},
    {True: "a", 2.5: "b", None: "c", 0: "d"},
    {"nested": {"inner": [1, 2], "other": 0}},
    {"nested": {"inner": (1, 2, 3)}},
    {},
    {"x": 1},
    [("type", "point")],
    "type",
    None,
    collections.OrderedDict(type="point", x=0, y=0),
    collections.defaultdict(int, type="circle", r=2),
]
for v in cases:
    print(describe(v))

# **rest collects the remaining items in a new dict, in order.
d = {"a": 1, "b": 2, "c": 3, "d": 4}
match d:
    case {"b": b, "d": _, **rest}:
        print(b, rest, rest is d)
match d:
    case {**everything}:
        print(everything, everything == d, everything is d)

# defaultdict's __missing__ is not called by a mapping pattern.
dd = collections.defaultdict(list)
match dd:
    case {"missing": m}:
        print("found", m)
    case _:
        print("no key; still", dict(dd))


# Mapping patterns on Counter and OrderedDict (dict subclasses).
match collections.Counter("aab"):
    case {"a": 2, **others}:
        print("two a's, others", dict(others))
