# CPython's collections/__init__.py over Tributary's _collections: the pure-Python
# ChainMap, UserDict, UserList, UserString, Counter and namedtuple, and the native
# deque, defaultdict, OrderedDict, _count_elements and _tuplegetter.
import collections
import collections.abc
import sys
from collections import ChainMap, Counter, OrderedDict, UserDict, UserList, UserString, defaultdict, deque, namedtuple

defaults = {"color": "red", "user": "guest"}
overrides = {"user": "ada"}
cm = ChainMap(overrides, defaults)
print(cm["user"], cm["color"], len(cm), sorted(cm), cm.get("x", 0), "color" in cm)
child = cm.new_child({"color": "blue"})
child["size"] = 3
print(child["color"], child.maps[0], child.parents["color"], cm)
del child["size"]
try:
    del child["user"]
except KeyError as e:
    print("KeyError", e)
print(dict(ChainMap({1: "a"}, {2: "b"})), ChainMap() | {"k": 1})


class Lower(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)


d = Lower(A=1)
d["B"] = 2
print(d, d.data, "a" in d, d.get("c", "-"), len(d), list(d.items()), isinstance(d, collections.abc.MutableMapping))

ul = UserList([3, 1, 2])
ul.append(0)
ul.sort()
print(ul, ul[1:], ul + [9], type(ul[1:]).__name__, ul.count(1), 2 in ul)
us = UserString("Hello")
print(us.upper(), us + "!", us[1:3], len(us), us == "Hello", us.split("l"))

c = Counter("mississippi")
print(c, c.most_common(2), c["s"], c["z"], c.total(), sorted(c.elements())[:4])
c.update({"m": 2})
c.subtract("ss")
print(c, c + Counter("ab"), c - Counter("iii"), Counter("ab") | Counter("bc"), Counter("aab") & Counter("ab"))
print(Counter(a=3) == Counter(a=3, b=0), +Counter(a=-1, b=2), -Counter(a=-1, b=2), repr(Counter()))
counts = Counter()
collections._count_elements(counts, "abcab") if hasattr(collections, "_count_elements") else None
print(sorted(counts.items()))

Point = namedtuple("Point", ["x", "y"], defaults=[0])
p = Point(3)
print(p, p.x, p.y, Point._fields, Point._field_defaults, p._asdict(), p._replace(y=7), Point._make([1, 2]))
print(Point, Point.__module__, Point.x.__doc__, isinstance(p, tuple), p == (3, 0), hash(p) == hash((3, 0)))
x, y = p
print(x, y, p[0], p[-1], p + (5,), Point.__match_args__, Point.__doc__)
try:
    p.x = 1
except AttributeError as e:
    print("AttributeError", e)
try:
    namedtuple("Bad", "def x")
except ValueError as e:
    print("ValueError", e)
print(namedtuple("R", "a a", rename=True)._fields, namedtuple("M", "q", module="mymod").__module__)

dq = deque([1, 2, 3], maxlen=3)
dq.append(4)
print(dq, type(iter(dq)).__name__, dd := defaultdict(list), OrderedDict(b=1, a=2))
dd["k"].append(1)
print(dd, OrderedDict.fromkeys("ab"), sys.version_info[:2] == (3, 11), type(sys.version_info).__name__)
