# Shape: min/max of numbers, int()/float() of numbers and math.sqrt in a
# loop are IR, not residual calls.
# jit-expect: loops==1 aborts==0 calls==0
import math


def run(n):
    lo = 1000
    hi = 0.0
    acc = 0.0
    for i in range(n):
        lo = min(lo, (i * 7) % 13)
        hi = max(hi, i * 0.5)
        acc += math.sqrt(float(i)) + int(i * 0.5)
    return lo, hi, acc


print(run(100))
