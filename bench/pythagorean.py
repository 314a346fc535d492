# Counting Pythagorean triples three ways (benchmark; seed 000/001, "Problem 3:
# generators"): nested loops, the same loops behind a generator, and behind an
# iterator class with __next__.  All three count the integer right triangles
# with perimeter <= P (Euclid's formula); the interesting figure is each
# variant's time relative to the plain loop.
# Size: --scale=X argument or BENCH_SCALE=X (multiplies the number of rounds).
import math
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


def triples_loop(limit):
    top = math.isqrt(2 * limit)  # generous bound on m
    count = 0
    for m in range(1, top + 1):
        for n in range(1, top + 1):
            if ((m - n) & 1) and math.gcd(m, n) == 1:
                perimeter = 2 * m * (m + n)
                if perimeter > limit:
                    continue
                count += limit // perimeter
    return count


def pairs(first, second):
    for i in range(first[0], first[1]):
        for j in range(second[0], second[1]):
            yield i, j


def triples_gen(limit):
    top = math.isqrt(2 * limit)
    count = 0
    for m, n in pairs((1, top + 1), (1, top + 1)):
        if ((m - n) & 1) and math.gcd(m, n) == 1:
            perimeter = 2 * m * (m + n)
            if perimeter > limit:
                continue
            count += limit // perimeter
    return count


class PairIter:
    """Iterates (i, j) over [i0, i1) x [j0, j1), row by row."""

    def __init__(self, first, second):
        self.i, self.i_end = first
        self.j_start, self.j_end = second
        self.j = self.j_start

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= self.i_end:
            raise StopIteration
        value = (self.i, self.j)
        self.j += 1
        if self.j >= self.j_end:
            self.j = self.j_start
            self.i += 1
        return value


def triples_iter(limit):
    top = math.isqrt(2 * limit)
    count = 0
    for m, n in PairIter((1, top + 1), (1, top + 1)):
        if ((m - n) & 1) and math.gcd(m, n) == 1:
            perimeter = 2 * m * (m + n)
            if perimeter > limit:
                continue
            count += limit // perimeter
    return count


def timed(fn, limit, rounds):
    t0 = time.perf_counter()
    total = 0
    for r in range(rounds):
        total += fn(limit + r)
    return total, time.perf_counter() - t0


def main():
    limit = 200000
    rounds = max(1, int(6 * bench_scale()))
    variants = [("loop", triples_loop), ("gen", triples_gen), ("iter", triples_iter)]
    results = []
    for name, fn in variants:
        count, secs = timed(fn, limit, rounds)
        results.append((name, count, secs))
    for name, count, secs in results:
        print("%s: count = %d" % (name, count))
    base = results[0][2]
    total = 0.0
    for name, count, secs in results:
        print("time %s = %.4f s (%.2fx)" % (name, secs, secs / base))
        total += secs
    print("time = %.4f s" % total)


main()
