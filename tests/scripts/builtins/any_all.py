print(any([]), all([]), any([0, 0]), any([0, 1]), all([1, 1]), all([1, 0]))
print(any("abc"), all(""), any([[], ()]), all([[1], (2,)]))
print(any([x > 3 for x in range(5)]), all([x < 5 for x in range(5)]))
print(any(map(lambda x: x == 2, [1, 2, 3])), all(filter(None, [0, 1, 2])))
