# enumerate/zip loops (residual iteration).

def main():
    names = ["n%d" % i for i in range(30)]
    vals = [i * 1.5 for i in range(30)]
    s = 0.0
    for i, (n, v) in enumerate(zip(names, vals)):
        s = s + i * v
    print(s, i, n, v)
    acc = []
    for a, b, c in zip(range(20), range(20, 40), range(40, 60)):
        acc.append(a + b * c)
    print(acc)
    t = 0
    for idx, ch in enumerate("hello world " * 3, start=10):
        if ch == "o":
            t = t + idx
    print(t)


main()
