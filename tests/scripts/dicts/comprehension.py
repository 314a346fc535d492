sq = {x: x * x for x in range(6)}
print(sq)
print({k: v for k, v in sq.items() if v % 2 == 0})
inv = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inv)
print({c: "abcabc".count(c) for c in "abc"})
print({(i, j): i * j for i in range(3) for j in range(i)})
print({x % 3: x for x in range(10)})
