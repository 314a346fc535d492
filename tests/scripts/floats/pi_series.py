def leibniz(n):
    s = 0.0
    sign = 1.0
    for k in range(n):
        s += sign / (2 * k + 1)
        sign = -sign
    return 4 * s
print(leibniz(1000))
print(leibniz(12345))
def wallis(n):
    p = 1.0
    for k in range(1, n + 1):
        p *= (4.0 * k * k) / (4.0 * k * k - 1)
    return 2 * p
print(wallis(1000))
