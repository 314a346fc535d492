# Running min/max and comparisons across the small-int boundary.

def main():
    vals = [(i * 7919) % 10007 - 5000 for i in range(100)] + [2 ** 50, -(2 ** 50), 3]
    lo = vals[0]
    hi = vals[0]
    for v in vals:
        if v < lo:
            lo = v
        if v > hi:
            hi = v
    print(lo, hi)
    c = 0
    for v in vals:
        if v >= 2 ** 47:
            c = c + 1
        if v <= -(2 ** 47):
            c = c + 10
    print(c)


main()
