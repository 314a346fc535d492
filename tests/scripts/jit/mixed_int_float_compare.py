# Mixed int/float comparisons and arithmetic near 2**53.

def main():
    big = 2 ** 53
    vals = [big - 1, big, big + 1, float(big), float(big) + 2.0, 0.5, -1]
    res = []
    for v in vals * 3:
        res.append((v < big, v == big, v > 9007199254740992.0))
    print(res[:7])
    c = 0
    for i in range(100):
        if i * 0.1 < i / 10 or i * 0.1 > i / 10:
            c = c + 1
    print(c)
    s = 0
    for i in range(50):
        s = s + (i < 25.5) + (i == 10.0)
    print(s)


main()
