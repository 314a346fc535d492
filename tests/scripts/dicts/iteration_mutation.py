d = {"a": 1, "b": 2, "c": 3}
for k in list(d):
    if d[k] % 2:
        del d[k]
print(d)
try:
    for k in d:
        d["new" + k] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
e = {1: 1}
for k in e:
    e[k] = 2
print(e)
