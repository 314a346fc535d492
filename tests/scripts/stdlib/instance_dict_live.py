# obj.__dict__ is one live mapping per instance: attributes set, changed or
# deleted after it was taken are seen through it (key reads, len, iteration,
# repr, ==, dict(d), {**d}, f(**d)); its writes reach the instance; the same
# object each time; type() is dict; `obj.__dict__ = d` replaces the attributes.
import copy, functools, json, pickle

class A:
    k = "class"
    def __init__(self):
        self.n = 0
        self.x = 1
    @functools.cached_property
    def v(self):
        self.n += 1
        return 42

a = A()
print(a.v, a.v, a.v, a.n)  # cached_property computes once
d = a.__dict__
print(d is a.__dict__, d is vars(a), type(d) is dict, type(d).__name__, isinstance(d, dict))
a.y = 2
print(dict(d), {**d}, json.dumps(d), list(d), len(d), sorted(d.items()), list(d.values()))
print("y" in d, d["y"], d.get("y"), d.get("zz", "dflt"), repr(d))
def kw(**k): return sorted(k)
print(kw(**d))
a.k = "inst"
print(d["k"], a.k, "k" in d)
del d["k"]
print(a.k, "k" in d)
a.x = 10
print(d["x"], d == {"n": 1, "x": 10, "v": 42, "y": 2}, d != {}, d | {"w": 1})
del a.y
print(d, d.copy(), len(d))
try:
    d["nope"]
except KeyError as e:
    print("KeyError", e)
try:
    del d["nope"]
except KeyError as e:
    print("KeyError", e)

# Replacing the whole __dict__.
a.__dict__ = {"p": 1, "q": 2}
print(a.p, a.q, vars(a), hasattr(a, "x"), d)
try:
    a.__dict__ = 5
except TypeError as e:
    print("TypeError", e)

# Mutation during iteration is caught as for any dict.
a.z = 9
try:
    for key in a.__dict__:
        a.__dict__["new_" + key] = 1
except RuntimeError as e:
    print("RuntimeError", e)
print(sorted(vars(a)))

# copy, deepcopy and pickle see the current attributes.
b = A()
dd = b.__dict__
b.late = [1, 2]
print(vars(copy.copy(b)), vars(copy.deepcopy(b)), vars(pickle.loads(pickle.dumps(b))))
print(dd.setdefault("late", None), dd.pop("late"), hasattr(b, "late"), dd.popitem(), vars(b))
dd.clear()
print(vars(b), b.__dict__)

# __slots__ together with __dict__: slot members are not in the dict.
class S:
    __slots__ = ("s", "__dict__")
s = S()
s.s = 1
s.t = 2
sd = s.__dict__
s.u = 3
print(sd, s.s, sorted(sd))

# A class-level default shadowed later by an instance attribute, read in a loop
# (the JIT keeps its shape guards right when __dict__ was taken).
class Cfg:
    level = 0
def total(objs):
    t = 0
    for o in objs:
        t += o.level
    return t
objs = [Cfg() for _ in range(50)]
for i, o in enumerate(objs):
    o.__dict__
    if i % 2:
        o.__dict__["level"] = i
print(total(objs), total(objs))
