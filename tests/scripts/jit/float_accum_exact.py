# Float accumulation order must match exactly (no reassociation).

def main():
    s = 0.0
    for i in range(1, 1000):
        s = s + 0.1 * i - 0.05
    print(repr(s))
    p = 1.0
    for i in range(1, 100):
        p = p * (1.0 + 1.0 / i) / (1.0 + 0.5 / i)
    print(repr(p))
    k = 0.0
    c = 0.0
    for i in range(500):
        y = 0.001 - c
        t = k + y
        c = (t - k) - y
        k = t
    print(repr(k), repr(c))
    x = 1e16
    for i in range(20):
        x = x + 1.0
    print(repr(x))


main()
