def sqrt(x):
    g = x / 2.0
    for i in range(30):
        g = (g + x / g) / 2.0
    return g
for n in [2, 3, 10, 100, 12345, 0.25]:
    print(n, sqrt(n))
def cbrt(x):
    g = x
    for i in range(60):
        g = g - (g * g * g - x) / (3 * g * g)
    return g
print(cbrt(27.0), cbrt(2.0))
