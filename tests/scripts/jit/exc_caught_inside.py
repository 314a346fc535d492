# try/except inside hot loop bodies.

def main():
    out = []
    for i in range(40):
        try:
            if i % 6 == 5:
                raise ValueError("v%d" % i)
            out.append(i)
        except ValueError as e:
            out.append(str(e))
    print(out)
    cnt = 0
    tot = 0
    for i in range(50):
        try:
            tot = tot + [1, 2, 3][i % 5]
        except IndexError:
            cnt = cnt + 1
        finally:
            tot = tot + 1
    print(cnt, tot)
    d = {"a": 1, "b": 2}
    keys = ["a", "b", "c"] * 10
    s = 0
    for k in keys:
        try:
            s = s + d[k]
        except KeyError:
            s = s - 10
        else:
            s = s * 1
    print(s)


main()
