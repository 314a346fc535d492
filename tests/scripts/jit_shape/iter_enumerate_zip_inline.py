# Shape: enumerate, zip and tuple iterators step inline and the unpacked
# tuples are never built: the loops compile without residual calls, except
# that a nested unpacking (`i, (a, b)`) still builds the inner tuple.
# jit-expect: loops==4 aborts==0 calls==1 calls_by_helper.build_tuple==1


def run(xs, ys):
    s = 0
    for i, x in enumerate(xs):
        s += i * x
    for a, b in zip(xs, ys):
        s += a - b
    for t in (3, 1, 4, 1, 5, 9, 2, 6):
        s += t
    for i, (a, b) in enumerate(zip(xs, range(100))):
        s += i + a * b
    return s


print(run(list(range(50)), [7] * 60))
