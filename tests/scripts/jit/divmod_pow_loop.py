# divmod and pow in hot loops.

def main():
    acc = []
    for i in range(-20, 20, 3):
        acc.append(divmod(i, 7))
        acc.append(divmod(i * 1.5, -4))
    print(acc)
    p = 0
    for i in range(30):
        p = p + pow(2, i) + pow(i, 2, 13) + i ** 2
    print(p)
    f = 0.0
    for i in range(1, 30):
        f = f + i ** -1 + 2.0 ** i
    print(f)
    e = 1
    for i in range(12):
        e = e ** 2 % 1000003 + i ** 5
    print(e)


main()
