for i in range(5):
    pass
print(i)
for i in range(3):
    i = 100
    print(i, end=" ")
print()
lst = [1, 2, 3]
for x in lst:
    x *= 2
print(lst)
for i, c in enumerate("ab"):
    pass
print(i, c)
for a, b in [(1, 2), (3, 4)]:
    print(a + b)
for (a, b), c in [((1, 2), 3)]:
    print(a, b, c)
for first, *rest in [[1, 2, 3], [4]]:
    print(first, rest)
