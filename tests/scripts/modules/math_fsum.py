import math
vals = [0.1] * 10
print(sum(vals), math.fsum(vals))
print(math.fsum([1e100, 1.0, -1e100, 1e-100]), sum([1e100, 1.0, -1e100]))
print(math.fsum([]), math.fsum([1, 2, 3]), math.fsum(range(100)))
print(math.fsum([0.1, 0.2, 0.3]), 0.1 + 0.2 + 0.3)
