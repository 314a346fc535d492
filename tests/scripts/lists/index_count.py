a = [1, 2, 3, 2, 1, 2]
print(a.index(2), a.index(2, 2), a.index(2, 4), a.index(1, -2))
print(a.count(2), a.count(1), a.count(5), a.count(2.0))
try:
    a.index(3, 3)
except ValueError as e:
    print("ValueError:", e)
print([[1], [1]].count([1]), ["a", "b"].index("b"))
