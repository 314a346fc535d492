# Leibniz series for pi (benchmark).  Runs unchanged on CPython and PyPy.
# Size: --scale=X argument or BENCH_SCALE=X (the tolerance is divided by X).
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


def compute_pi(tol):
    pi_approx = 0.0
    k = 0
    term = 1.0
    while abs(term) > tol:
        if k % 2 == 0:
            term = 1.0 / (2 * k + 1)
        else:
            term = -1 * 1.0 / (2 * k + 1)
        pi_approx = pi_approx + term
        k = k + 1
    return 4 * pi_approx


def main():
    tol = 1e-7 / bench_scale()
    t0 = time.perf_counter()
    result = compute_pi(tol)
    t1 = time.perf_counter()
    print("pi = " + repr(result))
    print("time = %.4f s" % (t1 - t0))


main()
