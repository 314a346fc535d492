for v in [2.7, -2.7, 0.9999, -0.0001, 1e15 + 0.5, 123456.789]:
    print(v, int(v), round(v), round(v, 1), v // 1, v % 1)
print(int(1e15), int(1.5e15), int(-1e15))
print(7.0 // 2.0, -7.0 // 2.0, 7.9 // 1)
print(float(int(3.99)), int(float(10 ** 15)))
