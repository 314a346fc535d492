a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print(a.union([7, 8]), a.intersection(range(3)))
print({1, 2} <= {1, 2, 3}, {1, 2}.issubset({1, 2}), {1, 4}.issubset({1, 2}))
print({1, 2, 3} >= {1}, {1, 2, 3}.issuperset({4}), {1} < {1, 2}, {1} < {1})
print({1, 2}.isdisjoint({3}), {1, 2}.isdisjoint({2}))
c = {1, 2}
c |= {3}
c &= {2, 3, 4}
print(c)
c -= {2}
c ^= {5, 3}
print(c)
