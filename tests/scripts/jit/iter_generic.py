# FOR_ITER over iterators stepped by a helper (generators, dict views, sets,
# user iterators): the iterator advances once per step, also when a guard on
# its outcome fails, and exceptions raised by __next__ mid-loop propagate.


def gen(n):
    for i in range(n):
        yield i * i


class Countdown:
    def __init__(self, n, boom=None):
        self.n = n
        self.boom = boom

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == self.boom:
            raise ValueError("boom at %d" % self.n)
        if self.n <= 0:
            self.n -= 1  # the second next() after the end yields once more
            if self.n == -2:
                return 100
            raise StopIteration
        self.n -= 1
        return self.n


def total(n):
    s = 0
    for k in range(n):
        for v in gen(k):
            s += v
        for key in {1: 2, 3: 4, k: 5}:
            s += key
        for key, val in {1: 2, 3: 4}.items():
            s += key * val
        for v in Countdown(k % 5):
            s += v
    return s


print(total(30))


def restart():
    c = Countdown(6)
    out = []
    for v in c:
        out.append(v)
    out.append(c.n)
    for v in c:
        out.append(v)
    return out


for _ in range(5):
    print(restart())


def raising(n, boom):
    s = 0
    try:
        for v in Countdown(n, boom):
            s += v
    except ValueError as e:
        return s, str(e)
    return s, None


for i in range(12):
    print(raising(10, i - 2))


def mixed(items):
    s = 0
    for it in items:
        for v in it:
            s += v
    return s


print(mixed([gen(4), [1, 2, 3], Countdown(4), {5, 6}, range(4), gen(3), (7, 8)] * 5))
