# Three-way (and four-way) branches: several bridges on one loop.

def main():
    c = [0, 0, 0]
    s = 0
    for i in range(150):
        m = i % 3
        if m == 0:
            c[0] = c[0] + 1
            s = s + i
        elif m == 1:
            c[1] = c[1] + 1
            s = s - 2 * i
        else:
            c[2] = c[2] + 1
            s = s * 1 + 3
    print(c, s)
    t = 0.0
    for i in range(200):
        r = (i * 7) % 4
        if r == 0:
            t = t + 1.0
        elif r == 1:
            t = t * 0.5
        elif r == 2:
            t = t - 0.25
        else:
            t = -t
    print(t)


main()
