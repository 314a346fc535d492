print(len("abc"), len([1, 2]), len((1,)), len({1: 2}), len({1, 2, 3}), len(range(10)), len(""))
print(abs(-3), abs(3.5), abs(-0.0), abs(-2 ** 100), abs(True))
try:
    len(5)
except TypeError as e:
    print("TypeError:", e)
try:
    abs("x")
except TypeError as e:
    print("TypeError:", e)
