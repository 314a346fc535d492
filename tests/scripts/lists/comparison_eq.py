a = [1, 2, 3]
print(a == [1, 2, 3], a == [1, 2], a != [3, 2, 1])
print([1.0, 2.0] == [1, 2], [True] == [1])
print([[]] == [[]], [None] == [None])
n = float("nan")
print([n] == [n])
