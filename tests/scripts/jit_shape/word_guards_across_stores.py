# Shape: a global read three times in a function, with attribute stores in
# between. The global's version guard (GUARD_WORD on the globals dict) is
# checked once: a store into an object's fields cannot change a version
# counter, so CSE keeps the first guard's fact across it (only calls and
# stores to the word's own address end it). shift() is compiled as a
# function of its own (calls are not inlined here): 12 live GUARD_WORDs
# before, 5 now.
# jit-params: inlining=0
# jit-expect: functions>=1 ops.GUARD_WORD<=5
STEP = 3


class Point:
    def __init__(self):
        self.a = 0
        self.b = 0


def shift(p, i):
    p.a = i + STEP
    p.b = p.a + STEP
    p.a = p.b - STEP
    return p.a


def run(n):
    p = Point()
    total = 0
    for i in range(n):
        total += shift(p, i)
    return total


print(run(3000))
