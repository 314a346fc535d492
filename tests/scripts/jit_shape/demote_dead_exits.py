# Shape: the safety net. A loop inside a generator is compiled from an
# iteration that does not yield; on seven iterations in eight its exit goes
# to `yield`, which a recording cannot follow (UnsupportedOpcode), so that
# exit is blacklisted and every entry of the loop leaves for good after one
# test. Once a window of demote_window entries has mostly ended that way
# (demote_percent), the root is demoted: its code is dropped and the loop
# stays with the interpreter. The tick ratio is not consulted here
# (demote_exit_ratio=0): with the default of 4 this loop is kept, and it
# should be, it runs 5-10% faster than the interpreter even so (measured
# 1.9x more ticks exiting than in machine code).
# jit-params: demote_window=200,demote_exit_ratio=0
# jit-expect: demoted==1 invalidated>=1


def gen(n):
    i = 0
    while i < n:
        i += 1
        if i % 8:
            yield i


def main():
    t = 0
    for k in range(300):
        for v in gen(64):
            t += v * k
    return t


print(main())
