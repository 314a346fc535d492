# Collatz lengths: a hot inner while loop with alternating branches.

def clen(n):
    c = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        c = c + 1
    return c

def main():
    best = 0
    arg = 0
    for i in range(1, 400):
        l = clen(i)
        if l > best:
            best = l
            arg = i
    print(best, arg)
    print(clen(2 ** 45 + 1), clen(2 ** 60 - 1))


main()
