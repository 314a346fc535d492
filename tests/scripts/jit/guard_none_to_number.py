# Values that are None for a while and then numbers (and back).

def f(x):
    if x is None:
        return -1
    return x * 3

def main():
    out = []
    vals = [None] * 12 + list(range(12)) + [None] * 5 + [2.5, None, 7]
    acc = 0
    for v in vals:
        r = f(v)
        acc = acc + r
        out.append(r)
    print(acc)
    print(out)
    cnt = 0
    y = None
    for i in range(30):
        if y is None:
            cnt = cnt + 1
        if i == 17:
            y = i
        if i == 23:
            y = None
    print(cnt, y)


main()
