# Floor division and modulo with negative operands inside hot loops.

def main():
    res = []
    for a in range(-12, 13):
        for b in (-7, -3, -1, 1, 2, 5):
            res.append((a // b, a % b))
    print(res[:20])
    print(sum([q for q, r in res]), sum([r for q, r in res]))
    acc = 0
    for i in range(-50, 50):
        acc = acc + i // -4 + i % -4 + (-i) // 3 + (-i) % 3
    print(acc)
    big = -(2 ** 47)
    out = []
    for d in (-1, -2, 3, -5, 7):
        out.append((big // d, big % d))
    print(out)


main()
