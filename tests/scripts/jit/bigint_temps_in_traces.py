# Big-int temporaries in compiled code: a residual BINARY_OP whose operand is
# the previous one's result (and nothing else holds it) lets the helper
# reuse or free that storage, as the interpreter does. Values kept in locals
# and lists, operands that are constants, and an operation that raises with
# a temporary operand must all keep their values.


def lcg(n):
    s = 12345
    out = []
    for i in range(n):
        s = (s * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        if i % 97 == 0:
            out.append(s)
    return s, out[:4], len(out)


def spigot(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    digits = []
    while len(digits) < n:
        if 4 * q + r - t < m * t:
            digits.append(m)
            q, r, t, k, m, x = 10 * q, 10 * (r - m * t), t, k, (10 * (3 * q + r)) // t - 10 * m, x
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return digits


def keep(n):
    big = 10 ** 30
    seen = []
    acc = 0
    for i in range(n):
        t = big * i + 7
        seen.append(t)
        acc = (acc + t * t) % (big + 1)
    return acc, seen[-1], seen[3], big


def raising(n):
    big = 10 ** 25
    got = []
    errors = 0
    for i in range(n):
        try:
            got.append((big * i + 1) // (i % 3))
        except ZeroDivisionError:
            errors += 1
    return errors, got[:3], got[-1], big


def not_ints(n):
    # The same shape of code on other types: temporaries flagged, not ints.
    out = []
    for i in range(n):
        b = (b"ab" * (i % 3) + b"cd") + b"ef"
        s = ("x" * (i % 4) + "y") + str(i)
        f = (0.5 * i + 1.0) * 2.0
        out.append((b, s, f))
    return out[:3], out[-1], len(out)


print(lcg(3000))
print(not_ints(200))
print("".join(map(str, spigot(80))))
print(keep(600))
print(raising(300))
