# Leibniz series for pi with a trace blocker in the loop (benchmark).
# The same loop as pi.py, plus one call per iteration that a JIT cannot look
# into (seed 000, "Problem 1: trace blockers", `hic_sunt_leones()`):
#   Tributary: tributary.opaque(empty); PyPy: pypyjit.residual_call(empty);
#   CPython: a plain call to empty().
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


def empty():
    pass


try:
    import tributary

    BLOCKER = "tributary.opaque"

    def hic_sunt_leones():
        tributary.opaque(empty)

except ImportError:
    try:
        import pypyjit

        BLOCKER = "pypyjit.residual_call"

        def hic_sunt_leones():
            pypyjit.residual_call(empty)

    except ImportError:
        BLOCKER = "plain call"

        def hic_sunt_leones():
            empty()


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
        hic_sunt_leones()  # the JIT cannot enter here
    return 4 * pi_approx


def main():
    tol = 1e-7 / bench_scale()
    t0 = time.perf_counter()
    result = compute_pi(tol)
    t1 = time.perf_counter()
    print("pi = " + repr(result))
    print("time = %.4f s" % (t1 - t0))


main()
