# abs(float) in hot loops, with ints and big ints mixed in later.

def main():
    vals = [-1.5, 2.25, -0.0, -3.75] * 10
    s = 0.0
    for v in vals:
        s = s + abs(v)
    print(s)
    mixed = [-1.5] * 10 + [-3] * 10 + [-(2 ** 60)] + [True, -2.5]
    t = 0
    for v in mixed:
        t = t + abs(v)
    print(t)
    m = 0.0
    x = -100.0
    while abs(x) > 0.001:
        x = x / -3.0
        m = m + abs(x)
    print(m, x)


main()
