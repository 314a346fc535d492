# STORE_SUBSCR into lists as guarded stores: constant and variable indices,
# values of every kind, indices going negative or out of range mid-loop
# (IndexError as CPython), the container changing to a dict or tuple, and
# the list shrinking under the loop.


def fill(xs, n):
    for i in range(n):
        xs[i] = i * i
    return xs


print(fill([0] * 10, 10))
try:
    print(fill([0] * 5, 8))
except IndexError as e:
    print("IndexError:", e)


def bodies(bs, steps):
    for s in range(steps):
        for b in bs:
            b[0] += b[1] * 0.5
            b[1] -= 0.25
            b[2] = s
    return bs


print(bodies([[1.0, 2.0, 0], [3.0, -1.0, 0], [0.0, 0.0, 0]], 20))


def mixed(containers, k):
    out = []
    for c in containers:
        try:
            c[k] = "v"
            out.append(c[k])
        except (IndexError, TypeError) as e:
            out.append(type(e).__name__)
    return out


print(mixed([[1, 2, 3], [4, 5, 6], [7, 8, 9], {1: 2}, [1], (1, 2, 3), [0, 0, 0], [5, 5]], 1))
print(mixed([[1, 2, 3], [4, 5, 6], [7, 8, 9], [1, 2]], -1))


def shrink():
    xs = list(range(12))
    out = []
    for i in range(12):
        try:
            xs[i] = -i
        except IndexError:
            out.append(i)
        if i % 3 == 2:
            xs.pop()
    return xs, out


for _ in range(3):
    print(shrink())


def kinds():
    xs = [None] * 8
    vals = [1, 2.5, "s", None, True, [1], 2**70, -3]
    for i in range(8):
        xs[i] = vals[i]
        xs[(i + 1) % 8] = xs[i]
    return xs


print(kinds())
