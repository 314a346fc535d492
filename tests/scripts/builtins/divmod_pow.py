print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5))
print(divmod(17.5, 5), divmod(2 ** 100, 3 ** 30), divmod(0, 3))
print(pow(2, 8), pow(2, 8, 7), pow(2.0, 3), pow(2, -3), pow(4, 0.5))
print(pow(3, 4, 5), pow(0, 0), pow(0.0, 0), pow(10, 30))
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    pow(0, -1)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
