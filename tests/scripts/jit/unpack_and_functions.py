# Starred unpacking, ** merging and functions made in hot loops are recorded
# as residual calls, not aborted (UNPACK_EX, LIST_EXTEND, DICT_UPDATE,
# DICT_MERGE, MAKE_FUNCTION with defaults, keyword defaults and closures);
# their errors are raised as the interpreter raises them.
# jit-expect: aborts.UnsupportedOpcode==0 loops>=4


def kw(a, b=0, *, c=1):
    return a * 100 + b * 10 + c


def star_unpack(m):
    total = 0
    for i in range(m):
        first, *middle, last = range(i % 5 + 2)
        head, *rest = [i, i + 1, i + 2]
        total += first + len(middle) + last + head + len(rest)
        merged = [*middle, *rest, i]
        total += len(merged)
    return total


def star_merge(m):
    total = 0
    extra = {"c": 3}
    for i in range(m):
        opts = {"b": i % 3, **extra}
        total += kw(i, **opts)
        total += kw(*(i, 1), **{"c": 2})
    return total


def makers(m):
    total = 0
    for i in range(m):
        scale = i % 4

        def f(x, y=2, *, z=3):
            return x * y + z + scale

        g = lambda v: v - scale
        total += f(i) + f(i, 1, z=0) + g(i)
    return total


def errors(m):
    caught = []
    for i in range(m):
        try:
            if i == m - 2:
                a, *b, c = [i]
            if i == m - 1:
                kw(1, **{"a": 2})
        except (ValueError, TypeError) as e:
            caught.append(type(e).__name__ + ": " + str(e))
    for i in range(m):
        try:
            if i == m - 1:
                [*i]
        except TypeError as e:
            caught.append(str(e))
    return caught


print(star_unpack(400))
print(star_merge(400))
print(makers(400))
for line in errors(60):
    print(line)
