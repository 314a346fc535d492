a, b, c = (1, 2, 3)
print(a, b, c)
x, (y, z) = 1, (2, 3)
print(x, y, z)
first, *rest = (1, 2, 3, 4)
print(first, rest)
*a, b = (1,)
print(a, b)
for i, (k, v) in enumerate([("a", 1), ("b", 2)]):
    print(i, k, v)
try:
    a, b = (1, 2, 3)
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = (1, 2)
except ValueError as e:
    print("ValueError:", e)
try:
    a, *b, c = (1,)
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError:", e)
