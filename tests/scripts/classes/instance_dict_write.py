# obj.__dict__ and vars(obj) as mutable views of the instance's attributes:
# item assignment, update, del, pop, setdefault, clear write through (what
# copy and pickle rely on to restore state). The dict is a dict.
import copy
import pickle


class P:
    cls_attr = "class"

    def __init__(self, x):
        self.x = x

    def __repr__(self):
        return "P(%s)" % ", ".join("%s=%r" % kv for kv in sorted(vars(self).items()))


p = P(1)
p.__dict__["y"] = 2
vars(p)["z"] = 3
print(p.y, p.z, p, isinstance(p.__dict__, dict), type(p.__dict__).__name__)
p.__dict__.update({"a": 10}, b=20)
print(p.a, p.b, sorted(p.__dict__))
del p.__dict__["a"]
print(hasattr(p, "a"), p.__dict__.pop("b"), hasattr(p, "b"), p.__dict__.setdefault("c", 5), p.c)
d = p.__dict__
d.clear()
print(vars(p), hasattr(p, "x"), p.cls_attr)
try:
    del p.__dict__["missing"]
except KeyError as e:
    print("KeyError", e)
p.__dict__["x"] = 7
print(p, p.__dict__ == {"x": 7}, dict(p.__dict__), list(p.__dict__.items()))
for i in range(300):  # hot: the JIT sees the shape change under it
    p.__dict__["n"] = i
    total = p.n + p.x
print(total)
q = copy.copy(p)
r = copy.deepcopy(P([1, 2]))
s = pickle.loads(pickle.dumps(P({"k": (1, 2)})))
print(q, r, s, q is not p)


class F(float):
    pass


f = F(2.5)
f.__dict__["unit"] = "m"
print(f.unit, vars(f), copy.copy(f).unit, pickle.loads(pickle.dumps(f)).unit)


class Slotted:
    __slots__ = ("a", "__dict__")


sl = Slotted()
sl.a = 1
sl.__dict__["b"] = 2
print(sl.a, sl.b, vars(sl))
