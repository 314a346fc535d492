print([1, "two", 3.0, None, True, [4], (5,), {6: 7}])
print(repr([]), str([[]]), [""], ["'"], ['"'])
print([1.5, -0.0, float("inf")])
print([[1, 2], [3, 4]])
