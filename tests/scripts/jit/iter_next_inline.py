# A user iterator's __next__ inlined into the loop that steps it (FOR_ITER):
# its StopIteration on a path the trace did not record (an exit inside the
# inlined __next__) ends the loop, another exception propagates, and an
# iterator in a generator expression consumed by sum().
class PairIter:
    def __init__(self, n, m):
        self.i = 0
        self.j = 0
        self.n = n
        self.m = m
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        v = (self.i, self.j)
        self.j += 1
        if self.j >= self.m:
            self.j = 0
            self.i += 1
        return v

class Countdown:
    def __init__(self, k):
        self.k = k
    def __iter__(self):
        return self
    def __next__(self):
        self.k -= 1
        if self.k < 0:
            raise StopIteration("done")
        if self.k == 13:
            return 1 / 0 if False else self.k * 1.5
        return self.k

class Bad:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 300:
            raise ValueError("bad %d" % self.n)
        return self.n

def run():
    t = 0
    for a, b in PairIter(40, 30):
        if (a - b) & 1:
            t += a * b
    s = 0
    for rep in range(30):
        for x in Countdown(40 + rep):
            s += x
    try:
        for y in Bad():
            t += y
    except ValueError as e:
        print("caught", e)
    return t, s

def nested():
    out = []
    for k in range(50):
        out.append(sum(1 for _ in PairIter(k % 5, 3)))
    return out

print(run())
print(nested())
