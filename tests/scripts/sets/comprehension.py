print({x % 5 for x in range(20)})
print({x * x for x in [-2, -1, 0, 1, 2]})
print({(x, y) for x in range(2) for y in range(2)} == {(0, 0), (0, 1), (1, 0), (1, 1)})
print(sorted({len(w) for w in "a bb cc ddd e".split()}))
