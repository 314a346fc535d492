d = {"x": 1, "y": 2, "z": 3}
k = d.keys()
v = d.values()
it = d.items()
print(k, v, it)
print(list(k), list(v), list(it), len(k))
d["w"] = 4
print(list(k), list(v))
print("x" in k, 2 in v, ("y", 2) in it, ("y", 3) in it)
for key in d.keys():
    print(key, end=" ")
print()
for val in d.values():
    print(val, end=" ")
print()
for key, val in d.items():
    print(key, "=", val)
print(sorted(d.keys(), reverse=True))
