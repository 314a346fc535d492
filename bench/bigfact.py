# Factorials and Fibonacci numbers as big ints (benchmark). Multiplying a
# growing big int by a small one (1000! to 3000! in steps, each by a loop of
# small multiplications), adding big ints (Fibonacci to the 50,000th by
# repeated addition), and big by big (Fibonacci by fast doubling), then
# converting the results to decimal strings. GMP on Tributary.
# The result is digit counts and digit sums, checked against each other.
# Size: --scale=X argument or BENCH_SCALE=X (multiplies the sizes).
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


def factorial(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


def fib_loop(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def fib_doubling(n):
    """(F(n), F(n+1)) by F(2k) = F(k)(2F(k+1) - F(k)), F(2k+1) = F(k)^2 + F(k+1)^2."""
    if n == 0:
        return 0, 1
    a, b = fib_doubling(n // 2)
    c = a * (2 * b - a)
    d = a * a + b * b
    if n % 2 == 0:
        return c, d
    return d, c + d


def digit_sum(x):
    return sum(ord(ch) - 48 for ch in str(x))


def main():
    # Decimal strings of 10,000+ digits (CPython 3.11 limits them to 4,300 by default).
    if hasattr(sys, "set_int_max_str_digits"):
        sys.set_int_max_str_digits(0)
    scale = bench_scale()
    top = max(10, int(3000 * scale))
    fib_n = max(10, int(50000 * scale))
    t0 = time.perf_counter()
    fact_digits = 0
    fact_sum = 0
    for n in range(top // 3, top + 1, max(1, top // 12)):
        f = factorial(n)
        s = str(f)
        fact_digits += len(s)
        fact_sum += digit_sum(f)
        # n! / (n-1)! = n: a big-by-big division that must come out exact
        assert f // factorial(n - 1) == n
    fib = fib_loop(fib_n)
    fib2, _ = fib_doubling(fib_n)
    assert fib == fib2
    big = 0
    for k in range(40):
        big = fib_doubling(fib_n * 5 + k)[0] % (10 ** 1000 + 7) + big
    t1 = time.perf_counter()
    print("factorial digits = %d, digit sum = %d" % (fact_digits, fact_sum))
    print("fib(%d) has %d digits, digit sum %d, mod check %d"
          % (fib_n, len(str(fib)), digit_sum(fib), big % 1000003))
    print("time = %.4f s" % (t1 - t0))


main()
