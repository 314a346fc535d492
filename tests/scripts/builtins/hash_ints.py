for v in [0, 1, -1, 2, 100, -100, 2 ** 30, 2 ** 31, 2 ** 62, 2 ** 63, 2 ** 100, -(2 ** 100), True, False]:
    print(v, hash(v))
print(hash(5) == hash(5.0), hash((1, 2)) == hash((1, 2)))
try:
    hash([1])
except TypeError as e:
    print("TypeError:", e)
