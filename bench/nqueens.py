# N-queens (benchmark): every permutation of the columns from a recursive
# permutations generator, kept when the rising and the falling diagonals
# (built as sets from generator expressions) are all distinct.  Generators
# nested n deep, generator expressions, set construction, tuple building.
# The result is the number of solutions and a checksum over them.
# Size: --scale=X argument or BENCH_SCALE=X (multiplies the number of boards
# solved; n = 8, or n = 7 at scales below 0.3).
import sys
import time


def bench_scale():
    """The size factor: --scale=X on the command line, else BENCH_SCALE, else 1."""
    for arg in sys.argv[1:]:
        if arg.startswith("--scale="):
            return float(arg[len("--scale="):])
    try:
        import os
    except Exception:  # Tributary has no os module yet
        return 1.0
    return float(os.environ.get("BENCH_SCALE", "1"))


def permutations(items):
    """Yields every ordering of the tuple `items` as a tuple (recursively)."""
    if len(items) <= 1:
        yield items
        return
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        head = (items[i],)
        for tail in permutations(rest):
            yield head + tail


def n_queens(n):
    """Yields each solution as a tuple: vec[i] is the queen's row in column i."""
    cols = range(n)
    for vec in permutations(tuple(cols)):
        if (n == len(set(vec[i] + i for i in cols))
                == len(set(vec[i] - i for i in cols))):
            yield vec


def main():
    scale = bench_scale()
    n = 8 if scale >= 0.3 else 7
    boards = max(1, int(5 * scale + 0.5)) if n == 8 else max(1, int(50 * scale + 0.5))
    t0 = time.perf_counter()
    solutions = 0
    checksum = 0
    for b in range(boards):
        for vec in n_queens(n):
            solutions += 1
            checksum = (checksum * 31 + sum(v * (i + 1) for i, v in enumerate(vec))) % 1000003
    t1 = time.perf_counter()
    print("n = %d, boards = %d, solutions = %d, checksum = %d" % (n, boards, solutions, checksum))
    print("time = %.4f s" % (t1 - t0))


main()
