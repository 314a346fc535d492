# Inlined methods and function values: bound methods, methods that call
# other methods, a function passed as an argument that changes mid-loop, a
# method replaced on the class while the loop's trace is live, and recursion
# (which stays a residual call).

class Counter:
    def __init__(self):
        self.n = 0

    def bump(self, k):
        self.n = self.n + k
        return self.n

    def twice(self, k):
        self.bump(k)
        return self.bump(k)


def apply(f, x):
    return f(x)


def inc(x):
    return x + 1


def dec(x):
    return x - 1


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


def main():
    c = Counter()
    t = 0
    for i in range(1500):
        t += c.twice(i % 5)
        t += apply(inc if i < 900 else dec, i)
        if i == 1000:
            Counter.bump = lambda self, k: 100
        t += fact(i % 6)
    print(t, c.n)

    m = c.bump
    s = 0
    for i in range(500):
        s += m(1)
    print(s)


main()
