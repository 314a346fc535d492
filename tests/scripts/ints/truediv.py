print(1 / 2, 3 / 4, 10 / 3, -10 / 3)
print(2 ** 60 / 3, 10 ** 20 / 10 ** 10)
print(7 / 7, 0 / 5, -0 / 5)
print(1 / 3 * 3)
print(10 ** 30 / 10 ** 28)
print(2 ** 1000 // 3 ** 600)
print(123456789 / 1000)
try:
    print(1 / 0)
except ZeroDivisionError as e:
    print(e)
try:
    print(1 // 0)
except ZeroDivisionError as e:
    print(e)
try:
    print(1 % 0)
except ZeroDivisionError as e:
    print(e)
