def count(start=0, step=1):
    n = start
    while True:
        yield n
        n += step
def take(n, it):
    out = []
    for x in it:
        if len(out) >= n:
            break
        out.append(x)
    return out
print(take(5, count()), take(3, count(10, 5)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
def primes():
    found = []
    for n in count(2):
        if all(n % p for p in found):
            found.append(n)
            yield n
print(take(10, primes()))
squares = (x * x for x in count())
evens = (x for x in squares if x % 2 == 0)
print(take(5, evens))
