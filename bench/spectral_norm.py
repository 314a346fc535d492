# Spectral norm (benchmark, classic): the largest singular value of the
# infinite matrix A(i, j) = 1 / ((i + j)(i + j + 1) / 2 + i + 1), truncated to
# n x n, by ten power iterations of A^T A.  Nested loops over lists of floats,
# a small function called n^2 times per product, integer-to-float division.
# The result is printed with %.9f (IEEE operations in a fixed order, so every
# implementation prints the same digits).
# Size: --scale=X argument or BENCH_SCALE=X (multiplies the work:
# n grows as its square root).
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


def entry(i, j):
    """A(i, j) for zero-based i and j."""
    s = i + j
    return 1.0 / (s * (s + 1) // 2 + i + 1)


def times(v, n):
    """A v."""
    out = []
    for i in range(n):
        acc = 0.0
        for j in range(n):
            acc += entry(i, j) * v[j]
        out.append(acc)
    return out


def times_transposed(v, n):
    """A^T v."""
    out = []
    for i in range(n):
        acc = 0.0
        for j in range(n):
            acc += entry(j, i) * v[j]
        out.append(acc)
    return out


def times_ata(v, n):
    return times_transposed(times(v, n), n)


def spectral_norm(n):
    u = [1.0] * n
    v = u
    for step in range(10):
        v = times_ata(u, n)
        u = times_ata(v, n)
    vbv = 0.0
    vv = 0.0
    for i in range(n):
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    return math.sqrt(vbv / vv)


def main():
    n = max(10, int(300 * math.sqrt(bench_scale())))
    t0 = time.perf_counter()
    norm = spectral_norm(n)
    t1 = time.perf_counter()
    print("n = %d, spectral norm = %.9f" % (n, norm))
    print("time = %.4f s" % (t1 - t0))


main()
