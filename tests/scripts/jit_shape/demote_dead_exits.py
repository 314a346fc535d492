# Shape: the safety net. A loop is compiled while it does not unpack (its
# first 20 calls); from then on, on seven iterations in eight its exit goes
# to unpacking a set, which a recording cannot follow (UnsupportedValue), so
# that exit is blacklisted and every entry of the loop leaves for good after
# one test. Once a window of demote_window entries has mostly ended that way
# (demote_percent), the root is demoted: its code is dropped and the loop
# stays with the interpreter. The tick ratio is not consulted here
# (demote_exit_ratio=0): with the default of 4 this loop is kept, and it
# should be.
# jit-params: demote_window=200,demote_exit_ratio=0
# jit-expect: demoted==1 invalidated>=1


def walk(n, k, pair):
    i = 0
    t = 0
    while i < n:
        i += 1
        if i % 8 and k >= 20:
            a, b = pair
            t += (a + b) * k
    return t


def main():
    t = 0
    pair = {3, 4}
    for k in range(300):
        t += walk(64, k, pair)
    return t


print(main())
