# Loops left through `return`: the exit's bridge returns from the frame in
# compiled code. Values of every unboxed type, returns from nested loops, from
# `finally`, `with` and `except` blocks, from a generator, and from a frame
# whose loop was entered by a function trace.

class Ctx:
    def __init__(self, log):
        self.log = log
    def __enter__(self):
        return self
    def __exit__(self, *a):
        self.log.append(1)
        return False

def first_over(xs, limit):
    for x in xs:
        if x > limit:
            return x          # int
    return -1

def first_float(xs, limit):
    t = 0.0
    for x in xs:
        t += x * 0.5
        if t > limit:
            return t          # float
    return None

def has(xs, v):
    i = 0
    while i < len(xs):
        if xs[i] == v:
            return True       # bool
        i += 1
    return False

def pair(n):
    for i in range(n):
        for j in range(n):
            if i * j > n:
                return i, j   # from the inner loop
    return None

def with_finally(n, log):
    try:
        for i in range(n):
            if i == 7:
                return i * 3
    finally:
        log.append(n)
    return -2

def in_with(n, log):
    with Ctx(log):
        for i in range(n):
            if i % 11 == 10:
                return i
    return -5

def in_except(n):
    for i in range(n):
        try:
            if i == 3:
                raise KeyError(i)
        except KeyError as e:
            return e.args[0] + 100
    return 0

def gen(n):
    for i in range(n):
        if i > 4:
            return
    yield 1

def cells(n):
    k = n
    def get():
        return k
    for i in range(n):
        if i > 6:
            return get() + i
    return 0

log = []
acc = 0
accf = 0.0
for r in range(400):
    xs = list(range(r % 37))
    acc += first_over(xs, r % 23)
    f = first_float([1.5, 2.5, 3.5, 4.5, 5.5], r % 9)
    accf += f if f is not None else -1.0
    acc += has(xs, r % 41)
    p = pair(r % 15 + 2)
    acc += p[0] * 100 + p[1] if p else -7
    acc += with_finally(r % 12, log)
    acc += in_with(r % 25, log)
    acc += in_except(r % 6)
    acc += len(list(gen(r % 9)))
    acc += cells(r % 10)
print(acc, accf, len(log), sum(log))
