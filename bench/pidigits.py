# Digits of pi with big integers (benchmark, classic): Gibbons' unbounded
# spigot, a linear fractional transformation (q, r, t) composed with
# (k, 4k + 2, 2k + 1) and a digit extracted whenever floor((3q + r) / t) and
# floor((4q + r) / t) agree.  Big-int multiplication, addition and floor
# division on numbers of thousands of digits (GMP on Tributary).
# The result is the number of digits, their sum and the last ten digits.
# Size: --scale=X argument or BENCH_SCALE=X (multiplies the number of digits;
# the work grows faster than linearly).
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


def pi_digits(count):
    """The first `count` decimal digits of pi (3, 1, 4, 1, 5, ...)."""
    digits = []
    q, r, t = 1, 0, 1
    k = 1
    while len(digits) < count:
        # compose with the next term of the series
        l = 2 * k + 1
        q, r, t = q * k, (2 * q + r) * l, t * l
        k += 1
        if q > r:
            continue
        d = (3 * q + r) // t
        if d == (4 * q + r) // t:
            digits.append(d)
            # multiply by 10 and remove the digit
            q, r = 10 * q, 10 * (r - d * t)
    return digits


def main():
    count = max(10, int(4000 * bench_scale()))
    t0 = time.perf_counter()
    digits = pi_digits(count)
    t1 = time.perf_counter()
    print("digits = %d, sum = %d, last ten = %s"
          % (len(digits), sum(digits), "".join(str(d) for d in digits[-10:])))
    print("first ten = %s" % "".join(str(d) for d in digits[:10]))
    print("time = %.4f s" % (t1 - t0))


main()
