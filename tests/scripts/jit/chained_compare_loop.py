# Chained comparisons and conditional expressions in loops.

def main():
    c = 0
    for i in range(-20, 120):
        if 0 <= i < 100:
            c = c + 1
        if 10 < i <= 20 < 50:
            c = c + 100
    print(c)
    vals = [3, 1.5, -2, 7, 0.0, 100, -0.5] * 6
    lo = 0
    for v in vals:
        lo = lo + (1 if -1 < v < 5 else -1)
    print(lo)
    a = 0
    for i in range(50):
        a = a + (i if i % 2 else -i) * (2 if i < 25 else 0.5)
    print(a)


main()
