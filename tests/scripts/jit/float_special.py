# -0.0, inf and nan flowing through compiled float code.

def main():
    inf = float("inf")
    nan = float("nan")
    vals = [1.0, -0.0, 0.0, inf, -inf, nan, 2.5, -3.5] * 4
    lt = 0
    eq = 0
    ne = 0
    ge = 0
    for v in vals:
        if v < 1.0:
            lt = lt + 1
        if v == v:
            eq = eq + 1
        if v != v:
            ne = ne + 1
        if v >= 0.0:
            ge = ge + 1
    print(lt, eq, ne, ge)
    z = 0.0
    for i in range(20):
        z = z * -1.0
    print(z, repr(-z))
    s = 0.0
    for i in range(30):
        s = s + inf if i == 20 else s + 1.0
    print(s, s - inf)
    m = 1.0
    for i in range(2000):
        m = m * 10.0
    print(m, -m, m * 0.0)
    neg = -0.0
    out = []
    for i in range(10):
        out.append(neg * i)
    print(out)
    print(abs(-0.0), [abs(v) for v in vals[:8]])


main()
