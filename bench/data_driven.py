# Data-driven benchmark: a function with nine optional float parameters,
# called with rows where each argument is None or a float (p = 1/2).
# Runs unchanged on CPython and PyPy (no imports beyond sys and time).
# Size: --scale=X argument or BENCH_SCALE=X (multiplies the number of passes).
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


NROWS = 20000
PASSES = max(1, int(100 * bench_scale()))


def fn(v=None, a=None, b=None, c=None, d=None, e=None, f=None, g=None, h=None):
    if v is None:
        v = 1.5
    if a is None:
        a = 0.25
    if b is None:
        b = 2.0
    if c is None:
        c = -0.75
    if d is None:
        d = 3.25
    if e is None:
        e = 0.5
    if f is None:
        f = -2.0
    if g is None:
        g = 4.0
    if h is None:
        h = 1.125
    y = v * a + b
    y = y - c * d
    if y < f:
        y = f
    if y > g:
        y = g
    y = y * e + h
    if y < 0.0:
        y = 0.0
    if y > 3.0:
        y = 3.0
    return y


def make_data(n, seed):
    # small LCG (Numerical Recipes constants), pure Python
    state = seed
    rows = []
    for i in range(n):
        row = []
        for j in range(9):
            state = (state * 1664525 + 1013904223) % 4294967296
            if (state >> 16) & 1:
                row.append(None)
            else:
                state = (state * 1664525 + 1013904223) % 4294967296
                # float in [-5, 5) with 1/1024 granularity
                row.append((state >> 12) % 10240 / 1024.0 - 5.0)
        rows.append(row)
    return rows


DATA = make_data(NROWS, 12345)


def run(passes):
    acc = 0.0
    for p in range(passes):
        for row in DATA:
            acc += fn(*row)
    return acc


def main():
    t0 = time.perf_counter()
    acc = run(PASSES)
    t1 = time.perf_counter()
    print("result = " + repr(acc))
    print("time = %.4f s" % (t1 - t0))


main()
