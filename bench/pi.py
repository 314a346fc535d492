# Leibniz series for pi (benchmark).  Runs unchanged on CPython and PyPy.
import time


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
    tol = 1e-7
    t0 = time.perf_counter()
    result = compute_pi(tol)
    t1 = time.perf_counter()
    print("pi = " + repr(result))
    print("time = %.4f s" % (t1 - t0))


main()
