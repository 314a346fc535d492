# Shape: a loop that mostly runs once or twice (jsonish's skip_ws: one space
# after ',' and ':'). A loop trace is recorded from a back-edge, and after the
# back-edge of a one-space run comes the loop's last iteration: such
# recordings leave the loop (LoopExit) and are retried. The function trace's
# exit into the loop body gets a bridge that goes on through the back-edge
# (the loop unrolled, kMaxUnrolled = 2 times) and returns: the function runs
# in compiled code whatever the run's length up to two. Before, that bridge
# aborted at the back-edge (InnerLoop) until it was blacklisted, and every
# call that met a space left for the interpreter. (The module loop's first
# recording inlines skip_ws and stops at its loop, one InnerLoop abort: the
# call then stays residual.)
# jit-expect: hot_exits_unbridged==0 side_exits<=60 aborts.InnerLoop<=1

WS = " \t\n"

def skip_ws(text, pos):
    while pos < len(text) and text[pos] in WS:
        pos += 1
    return pos

text = "a, b,  c:d  ,e " * 200
pos = 0
n = 0
for k in range(3000):
    pos = skip_ws(text, pos % len(text))
    n += pos
    pos += 1
print(n)
