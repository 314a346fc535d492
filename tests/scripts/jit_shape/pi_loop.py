# Shape: the Leibniz loop compiles to exactly one loop trace, no aborts,
# the alternating sign branch becomes one bridge; nothing is a function trace.
# jit-expect: loops==1 bridges==1 functions==0 aborts==0 blacklisted==0 ops.CALL==0 ops.FDIV>=1

def compute_pi(n):
    pi_approx = 0.0
    k = 0
    term = 1.0
    while k < n:
        if k % 2 == 0:
            term = 1.0 / (2 * k + 1)
        else:
            term = -1 * 1.0 / (2 * k + 1)
        pi_approx = pi_approx + term
        k = k + 1
    return 4 * pi_approx

def main():
    print(repr(compute_pi(2000)))


main()
