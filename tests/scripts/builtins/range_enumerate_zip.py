print(list(enumerate("abc")), list(enumerate("abc", 10)), list(enumerate([], 5)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1])), list(zip("ab", "cd", "ef")))
a, b = zip(*[(1, "x"), (2, "y")])
print(a, b)
for i, (x, y) in enumerate(zip([1, 2], [3, 4])):
    print(i, x, y)
print(list(range(3, 0, -1)), list(range(-2, 2)))
