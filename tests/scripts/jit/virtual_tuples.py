# Tuples built and unpacked in compiled code are not allocated (opt/
# virtuals.cpp): `return a, b` unpacked by the caller, a swap through a
# tuple, a pair kept in a local across iterations. Exits that see one build
# it: a type change inside, the loop's end, a raise, identity of the tuple
# the loop started with.


def divmod_pair(a, b):
    return a // b, a % b


def walk(n, start):
    pair = start
    total = 0
    for i in range(1, n):
        q, r = divmod_pair(i * 7 + 3, i % 5 + 1)
        x, y = (r, q) if i % 2 else (q, r)  # a diamond: a tuple on each arm
        pair = (x, y, i)
        total += pair[0] - pair[1] + x * y
        if i == n - 3:
            total += len(pair)
    return total, pair


def mixed(n):
    acc = 0.0
    for i in range(n):
        v = i if i < n // 2 else i + 0.5  # int, then float: guards fail with tuples live
        a, b = v, -v
        t = (a, b)
        acc += t[0] * 2 + t[1]
    return acc


def failing(n):
    last = None
    try:
        for i in range(n):
            last = (i, 10 // (n - 1 - i))
    except ZeroDivisionError:
        return last
    return "no"


start = (0, 0, 0)
for n in (1, 2, 10, 500, 3000):
    total, pair = walk(n, start)
    print(n, total, pair, pair is start)
print(mixed(1000), mixed(7))
print(failing(3), failing(400))
