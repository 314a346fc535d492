print(sum([1, 2, 3]), sum([]), sum([], 10), sum(range(5), 100), sum([0.5, 0.25]))
print(sum([1, 2.5]), sum([[1], [2]], []), sum([(1,), (2,)], ()))
print(sum([True, True, False]), sum([10 ** 20] * 3))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
try:
    sum([1, "a"])
except TypeError as e:
    print("TypeError:", e)
