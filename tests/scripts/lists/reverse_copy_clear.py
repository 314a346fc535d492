a = [1, 2, 3, 4]
a.reverse()
print(a)
b = a.copy()
b.append(5)
print(a, b)
c = a
a.clear()
print(a, c, b)
nested = [[1], [2]]
sh = nested.copy()
sh[0].append(9)
print(nested)
print(list(reversed([1, 2, 3])))
