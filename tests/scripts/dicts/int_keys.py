d = {}
for i in range(-5, 50, 7):
    d[i] = str(i)
print(d)
print(d[-5], d.get(44), 1 in d, 2 ** 100 in d)
d[2 ** 100] = "big"
d[1.0] = "float one"
d[True] = "true"
print(d[1], d[2 ** 100], len(d))
print({1: "a", 1.0: "b", True: "c"})
print({0: "z", -0.0: "neg", False: "f"})
