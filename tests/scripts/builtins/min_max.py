print(min(3, 1, 2), max(3, 1, 2), min([5, 4]), max("abc"), min("b", "a"))
print(max([1, -5, 3], key=abs), min(["aa", "b", "ccc"], key=len), max(["aa", "bb"], key=len))
print(max([], default=0), min((), default="none"), max([1], default=5))
print(max(1, 2.5), min(-1, -1.0), max([3, 3.0]), max([3.0, 3]))
print(max({1: "a", 5: "b"}), min({3, 1, 2}))
print(max([(1, "b"), (1, "a")]), max("apple", "pear", key=len))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
try:
    min(1)
except TypeError as e:
    print("TypeError:", e)
try:
    max(1, "a")
except TypeError as e:
    print("TypeError:", e)
