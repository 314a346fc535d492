d = {"a": 1, "b": 2}
print(d, len(d), d["a"])
d["c"] = 3
d["a"] = 10
print(d)
del d["b"]
print(d, "b" in d, "a" in d)
print({}, dict(), {1: "x", 2.5: "y", None: "z", (1, 2): "t", True: "bool"})
try:
    d["zz"]
except KeyError as e:
    print("KeyError:", e, repr(e), e.args)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)
try:
    d[[1]] = 2
except TypeError as e:
    print("TypeError:", e)
