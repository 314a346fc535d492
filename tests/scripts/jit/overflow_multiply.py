# Factorials and products overflowing inside a function trace.

def fact(n):
    r = 1
    for k in range(1, n + 1):
        r = r * k
    return r

def main():
    for n in (5, 10, 15, 20, 25, 30):
        print(n, fact(n))
    prod = 1
    for i in range(1, 40):
        prod = prod * i % 1000000007 * (i + 1)
    print(prod)
    sq = 7
    for i in range(8):
        sq = sq * sq
    print(sq % 10 ** 12, len(str(sq)))


main()
