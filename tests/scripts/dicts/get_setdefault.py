d = {"a": 1}
print(d.get("a"), d.get("b"), d.get("b", 0), d.get("a", 0))
print(d.setdefault("a", 100), d.setdefault("b", 200), d.setdefault("c"))
print(d)
groups = {}
for w in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(w[0], []).append(w)
print(groups)
