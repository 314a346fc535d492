# True division of ints and floats in hot loops.

def main():
    s = 0.0
    for i in range(1, 200):
        s = s + 1 / i
    print(s)
    t = 0.0
    for i in range(-50, 50):
        if i != 0:
            t = t + i / 7 - 3 / i
    print(t)
    r = []
    for i in range(10):
        r.append((2 ** 50 + i) / 3)
    print(r)
    q = 1
    for i in range(30):
        q = q / 2
    print(q)


main()
