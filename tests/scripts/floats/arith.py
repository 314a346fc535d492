print(1.5 + 2.25, 1.5 - 2.25, 1.5 * 2.25, 1.5 / 2.25)
print(7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2, 7.5 % -2)
print(divmod(7.5, 2), divmod(-7.5, 2))
print(2.0 ** 10, 2.0 ** -1, 2 ** 0.5, (-8.0) ** 2)
print(1e308 * 10, -1e308 * 10)
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
print(3 * 0.1, 0.1 * 3, 1.0 - 0.9)
print(5 + 2.0, 5 * 1.0, 5 / 1.0, 5 // 2.0, 5 % 2.0)
print(-5.0 % 3, 5.0 % -3, -0.0 % 5)
print(1e-320 / 10, 5e-324 / 2)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print(e)
try:
    1.0 // 0.0
except ZeroDivisionError as e:
    print(e)
try:
    1.0 % 0.0
except ZeroDivisionError as e:
    print(e)
