d = {"a": 1}
d.update({"b": 2, "a": 3})
print(d)
d.update([("c", 4), ("d", 5)])
print(d)
d.update(e=6, a=0)
print(d)
c = d.copy()
c["new"] = 1
print(len(d), len(c))
alias = d
d.clear()
print(d, alias, c)
nested = {"k": [1]}
cp = nested.copy()
cp["k"].append(2)
print(nested)
