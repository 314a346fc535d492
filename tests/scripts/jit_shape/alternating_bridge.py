# Shape: an alternating branch in a hot loop produces a bridge. Its exit is
# taken trace_eagerness times (2 here) before the bridge is recorded, then
# region_batch (250% of eagerness: 5) more before the loop is recompiled with
# it, and never again: 8 side exits, not one per iteration.
# jit-expect: loops==1 bridges>=1 aborts==0 side_exits<=8

def main():
    a = 0
    b = 0
    for i in range(1000):
        if i % 2 == 0:
            a = a + i
        else:
            b = b + i
    print(a, b)


main()
