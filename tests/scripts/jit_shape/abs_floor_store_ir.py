# Shape: abs() of ints, math.floor/ceil of floats and stores into list items
# are IR in the loop, not residual calls.
# jit-expect: loops==1 aborts==0 calls==0
import math


def run(n, xs):
    s = 0
    for i in range(n):
        x = (i - 50) * 0.37
        s += math.floor(x) + math.ceil(x) + abs(i - 50)
        xs[i % 10] = s
        xs[3] = x
    return s


xs = [0] * 10
print(run(100, xs), xs)
