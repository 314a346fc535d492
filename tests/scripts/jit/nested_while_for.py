# While loop around a for loop, with loop-carried float state.

def main():
    x = 1.0
    n = 0
    while x < 1e6:
        for i in range(5):
            x = x * 1.5 + i
        n = n + 1
    print(x, n, i)
    primes = []
    c = 2
    while len(primes) < 40:
        ok = True
        for p in primes:
            if p * p > c:
                break
            if c % p == 0:
                ok = False
                break
        if ok:
            primes.append(c)
        c = c + 1
    print(primes)


main()
