print(dict(a=1, b=2))
print(dict([("x", 1), ("y", 2)]))
print(dict({"p": 1}, q=2))
print(dict(zip("abc", range(3))))
print(dict([[1, 2], (3, 4)]))
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print("ValueError:", e)
try:
    dict([1])
except TypeError as e:
    print("TypeError:", e)
