# Shape: loops inside generators are compiled. A trace that reaches `yield`
# (YIELD_VALUE, or SEND for `yield from`) in its own frame ends there like a
# return: its machine code writes the frame back and the interpreter
# suspends it; the generator's next resumption comes back through the loop's
# back-edge into the trace. Generator expressions over ranges and tuples, a
# generator whose loop yields on one arm of an `if`, `yield from` and a
# coroutine-style generator driven by send(): five generator loops get traces,
# and no recording aborts on an opcode (two aborted with UnsupportedOpcode at
# every yield before). Each yield is the end of its path, so no exit is left
# hot without a bridge and no root is demoted for leaving at its yields.
# Compiling such loops is a parameter (generator_loops, off by default: each
# yield leaves and re-enters machine code, which costs more than small loop
# bodies save); without it the loops are recorded and given up (LoopYields).
# jit-params: generator_loops=1
# jit-expect: aborts.UnsupportedOpcode==0 loops>=5 hot_exits_unbridged==0 demoted==0


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
