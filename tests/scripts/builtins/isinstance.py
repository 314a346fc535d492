vals = [1, 1.0, "s", [1], (1,), {1: 1}, {1}, None, True, frozenset()]
types = [int, float, str, list, tuple, dict, set, bool, frozenset]
for v in vals:
    print(repr(v), [isinstance(v, t) for t in types])
print(isinstance(1, (str, int)), isinstance("x", (list, tuple)), isinstance(1.5, (int, (float, str))))
print(isinstance(True, int), isinstance(1, bool), isinstance(None, type(None)))
try:
    isinstance(1, 1)
except TypeError as e:
    print("TypeError:", e)
