# NaN comparisons and min/max tracking with nan in the data.

def main():
    nan = float("nan")
    data = [3.0, 1.0, nan, 7.0, -2.0, nan, 5.0] * 5
    hi = -1e300
    lo = 1e300
    n_nan = 0
    for x in data:
        if x > hi:
            hi = x
        if x < lo:
            lo = x
        if not (x == x):
            n_nan = n_nan + 1
    print(hi, lo, n_nan)
    c = 0
    for x in data:
        if x <= nan or x >= nan or x == nan:
            c = c + 1
    print(c)


main()
