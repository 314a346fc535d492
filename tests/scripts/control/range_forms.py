print(list(range(5)), list(range(2, 6)), list(range(0, 10, 3)), list(range(10, 0, -2)))
print(list(range(0)), list(range(5, 2)), list(range(-3, 3)), list(range(3, -3, -1)))
r = range(1, 20, 4)
print(r, len(r), r[0], r[-1], r[1:3], 9 in r, 10 in r)
print(range(5), range(1, 5), range(1, 5, 2), range(0, -5, -1))
print(len(range(10 ** 6)), range(10 ** 20)[-1], 10 ** 19 in range(10 ** 20))
print(sum(range(1, 101)), max(range(7)), list(reversed(range(4))))
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
print(list(range(5))[::-1] == list(range(4, -1, -1)))
print(range(3) == range(0, 3), range(0) == range(5, 5))
