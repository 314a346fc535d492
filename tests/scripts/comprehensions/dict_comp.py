print({x: x ** 3 for x in range(5)})
print({w: len(w) for w in ["a", "bb", "ccc"]})
print({k: v for k, v in zip("abc", [1, 2, 3]) if v != 2})
print({i % 4: i for i in range(10)})
d = {"x": 1, "y": 2}
print({v: k for k, v in d.items()})
print({(a, b): a + b for a in range(2) for b in range(2)})
