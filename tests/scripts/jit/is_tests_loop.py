# is / is not tests with None, bools and sentinels.

def main():
    sentinel = []
    items = [None, 1, True, False, sentinel, 0, None, "s"] * 5
    n = 0
    t = 0
    f = 0
    s = 0
    for x in items:
        if x is None:
            n = n + 1
        elif x is True:
            t = t + 1
        elif x is False:
            f = f + 1
        elif x is sentinel:
            s = s + 1
    print(n, t, f, s)
    cnt = 0
    for x in items:
        if x is not None and x is not sentinel:
            cnt = cnt + 1
    print(cnt)


main()
