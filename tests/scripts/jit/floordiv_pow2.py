# Floor division / modulo by powers of two, negative dividends included.

def main():
    t = 0
    u = 0
    for i in range(-100, 100, 3):
        t = t + i // 8 + i % 8 + i // 1 + i % 1
        u = u + i // -16 + i % -16 + (i >> 2) + (i & 7)
    print(t, u)
    vals = []
    n = -1000
    while n < 1000:
        vals.append(n // 64)
        n = n + 97
    print(vals)
    m = 2 ** 46 + 3
    for i in range(10):
        m = m // 2 + m % 4
    print(m)


main()
