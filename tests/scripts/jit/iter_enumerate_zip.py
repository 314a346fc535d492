# FOR_ITER over enumerate, zip and tuple iterators, stepped inline: unpacked
# and kept as tuples, nested, over lists mutated mid-loop, zips of unequal
# lengths, and iterator types changing under one loop.


def sums(xs, ys):
    s = 0
    for i, x in enumerate(xs):
        s += i * x
    for a, b in zip(xs, ys):
        s += a - b
    for t in (1, 2, 3, 4, 5, 6, 7):
        s += t
    for p in enumerate(xs, 5):
        s += p[0] + p[1]
    for q in zip(xs, ys):
        s += q[1]
    for a, b, c in zip(range(10), xs, (9, 8, 7, 6, 5)):
        s += a + b + c
    for i, (a, b) in enumerate(zip(xs, ys)):
        s += i + a * b
    for i, x in enumerate(range(3, 30, 4)):
        s += i ^ x
    return s


for k in range(25):
    print(k, sums(list(range(k)), [k * 2 for _ in range(k + 3)]))


def mutated():
    xs = [1, 2, 3, 4, 5, 6, 7, 8]
    out = []
    for i, x in enumerate(xs):
        out.append((i, x))
        if i == 3:
            xs.append(99)
        if i == 5:
            del xs[0]
    ys = [10, 20, 30, 40, 50, 60]
    for a, b in zip(ys, xs):
        out.append(a + b)
        if a == 30:
            ys.clear()
    return out


for _ in range(6):
    print(mutated())


def unequal(n):
    long = list(range(n + 5))
    short = tuple(range(n))
    it = iter(long)
    pairs = 0
    for a, b in zip(it, short):
        pairs += a * b
    # zip advanced `it` once more before it saw `short` end
    rest = list(it)
    first = 0
    for a, b in zip(short, it):
        first += 1
    return pairs, rest, first, list(it)


for n in range(8):
    print(unequal(n))


def changing(its):
    s = 0
    for it in its:
        for x in it:
            s += x if isinstance(x, int) else x[0] * 10 + x[1]
    return s


print(changing([range(5), [1, 2, 3], (4, 5, 6), iter([7, 8]), enumerate([1, 2]), zip([1], [2]), range(3)] * 6))


def enumerate_big_start():
    out = []
    for i, x in enumerate("abcdef", 2**47 - 3):
        out.append((i, x))
    for i, x in enumerate([1, 2, 3, 4, 5], -2):
        out.append(i * x)
    return out


for _ in range(4):
    print(enumerate_big_start())


def zip_items_change_type():
    total = 0.0
    xs = [1, 2, 3, 4, 5, 6, 1.5, 2.5, 3.5, "x"]
    for i, (a, b) in enumerate(zip(xs, xs[1:])):
        if isinstance(a, str) or isinstance(b, str):
            total += 1000
        else:
            total += a * b + i
    return total


for _ in range(5):
    print(zip_items_change_type())


def resumed_zip():
    z = zip([1, 2, 3, 4, 5, 6, 7, 8], "abcdefgh")
    out = []
    for a, b in z:
        out.append(b * a)
        if a == 4:
            break
    for a, b in z:
        out.append(a)
    for a, b in z:
        out.append(-a)
    return out


for _ in range(4):
    print(resumed_zip())
