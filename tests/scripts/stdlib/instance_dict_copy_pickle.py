# An instance's __dict__ is a dict whose changes reach the instance: item
# assignment, update, pop, setdefault, del, clear; copy.copy/deepcopy and
# pickle (every protocol) of plain instances rely on it.
import copy, pickle, json
class P:
    def __init__(self, **kw):
        self.__dict__.update(kw)
p = P(a=1, b=[2])
print(p.a, p.b, sorted(vars(p)), isinstance(p.__dict__, dict), json.dumps(p.__dict__, sort_keys=True))
p.__dict__["c"] = 3
vars(p)["d"] = 4
print(p.c, p.d, p.__dict__.pop("d"), hasattr(p, "d"), p.__dict__.setdefault("e", 5), p.e)
del p.__dict__["e"]
print(hasattr(p, "e"), sorted(p.__dict__.items()))
q = copy.copy(p); r = copy.deepcopy(p)
print(q.a, q.b is p.b, r.b == p.b, r.b is p.b, sorted(vars(r)))
s = pickle.loads(pickle.dumps(p))
print(type(s).__name__, s.a, s.b, s.c)
class Cyc:
    pass
c = Cyc(); c.self = c; c.items = [c]
d = copy.deepcopy(c)
print(d.self is d, d.items[0] is d, d is not c)
class WithProp:
    @property
    def x(self): return "prop"
w = WithProp(); w.__dict__["x"] = "dict"; w.__dict__["y"] = 1
print(w.x, w.y, w.__dict__)
w.__dict__.clear(); print(hasattr(w, "y"), w.__dict__)
try:
    del w.__dict__["nope"]
except KeyError as e:
    print("KeyError", e)
import argparse
ns = argparse.Namespace(x=1); vars(ns)["y"] = 2; print(ns)
import dataclasses, enum, collections, fractions
@dataclasses.dataclass
class DC:
    x: int
    y: list
class Color(enum.Enum):
    RED = 1
class Custom:
    def __init__(self): self.v = 10
    def __getstate__(self): return {"v": self.v * 2}
    def __setstate__(self, st): self.v = st["v"] + 1
Point = collections.namedtuple("Point", "x y")
objs = [1, -2**70, 2.5, "s", b"b", None, True, (1, (2,)), [1, [2]], {"k": {1, 2}}, frozenset({3}),
        DC(1, [2]), Color.RED, Point(1, 2), fractions.Fraction(1, 3), P(z=9)]
for proto in (0, 1, 2, 3, pickle.HIGHEST_PROTOCOL):
    back = pickle.loads(pickle.dumps(objs, protocol=proto))
    print(proto, back[:11] == objs[:11], back[11], back[12], back[13], back[14], vars(back[15]))
c = pickle.loads(pickle.dumps(Custom())); print(c.v)
print(pickle.loads(pickle.dumps(d)) is not None)
