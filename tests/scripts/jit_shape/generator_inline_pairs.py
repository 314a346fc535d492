# Shape: pythagorean's generator variant (seed 000/001, "Problem 3:
# generators"). `for i, j in pairs(...)` resumes the generator inline: its
# frame's locals and suspended stack are loaded from the generator, its
# `yield i, j` is the FOR_ITER's item (a tuple the consumer unpacks, which
# the virtuals pass removes) and the frame is written back at the yield. No
# iter_next call is left in the loop; the generator's inner loop ending (a
# new row) is an exit inside the inlined frame whose bridge calls range()
# and iter() for the next row. Before: a residual iter_next per item, the
# generator's body interpreted; pythagorean's gen variant 3.05x -> 1.2x
# its loop. Without merging (`none`), an exit inside an inlined frame gets
# no bridge: once hot, the generator is no longer inlined (de-inlined) and
# steps through iter_next, as before.
# jit-expect[generalize,cfg,diamond,adaptive,cap:2]: loops==1 bridges==2 calls_by_helper.iter_next==0 inlined_calls==1 inlined_exits==8 allocations_removed==3 ops.CALL==2
# jit-expect[none]: deinlined==1 calls_by_helper.iter_next==1


def pairs(a, b):
    for i in range(a):
        for j in range(b):
            yield i, j


def count(n):
    t = 0
    for i, j in pairs(n, n + 3):
        if (i - j) & 1:
            t += i * j
    return t


print(count(150))
