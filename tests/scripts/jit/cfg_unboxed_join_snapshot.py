# Regression (issue 10): cfg joined a slot unboxed from a load; snapshots below
# the join kept naming the load (the region path's value): garbage objects or
# SIGSEGV after a side exit.
def sh(x):
    if isinstance(x, int) and not isinstance(x, bool) and not (-10**40 < x < 10**40):
        return ('big', x.bit_length(), x % 1000003, x < 0)
def blk1():
    print(sh(0), sh(0))
blk1()
blk1()
def blk2(n):
    acc = 0
    for i in range(n):
        if i % 3 == 0:
            v = i * 2 + 41
        else:
            v = None
        acc = (acc + 72057594037927933) % 10**20
        print(i, sh(acc), sh(v))
blk2(50)
