# Shape: the generators of generator_yield_traces.py under the default
# parameters (generator_loops=0). A generator's loop whose recorded iteration
# yields is given up with LoopYields (never UnsupportedOpcode) and
# blacklisted: each yield would leave and re-enter machine code, which costs
# more than such small loop bodies save (nqueens ran 1.13x slower with them
# compiled). The loops that consume the generators are compiled.
# jit-expect: aborts.UnsupportedOpcode==0 aborts.LoopYields>=5 loops>=1 demoted==0


def evens_and_odds(n):
    for i in range(n):
        if i % 3 == 0:
            yield i * 2
        else:
            yield i + 0.5


def squares(xs):
    for x in xs:
        yield x * x


def nested(n):
    for k in range(n):
        total = yield from squares(range(k % 4))
        yield total


def accumulate():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x


def diagonals(vec):
    n = len(vec)
    return len(set(vec[i] + i for i in range(n))), len(set(vec[i] - i for i in range(n)))


def main():
    s = 0.0
    for v in evens_and_odds(3000):
        s += v
    print(s)
    print(sum(squares(range(3000))))
    print(sum(1 for _ in nested(800)), list(nested(6)))
    acc = accumulate()
    next(acc)
    t = 0
    for i in range(2000):
        t = acc.send(i)
    print(t)
    boards = [(3, 1, 4, 1, 5, 9, 2, 6), (0, 4, 7, 5, 2, 6, 1, 3), (7, 6, 5, 4, 3, 2, 1, 0)]
    c = 0
    for r in range(400):
        a, b = diagonals(boards[r % 3])
        c += a * 10 + b
    print(c)


main()
