# Shape: a branch inside an inlined call that goes the other way often is not
# left to side exits forever. Under pure tracing, after trace_eagerness exits
# the function is de-inlined and the loop is re-recorded with a residual call
# (the function then gets its own trace with a bridge). Under the merging
# policies the exit's bridge runs the rest of the call, returns into the loop
# (it goes on in the caller) and joins the loop's region there: no
# de-inlining, one merged bridge, and the loop never leaves machine code
# again (before: de-inlined, a second loop trace, a function trace and 2,700
# entries into compiled code; 8 now: the exit is taken trace_eagerness times
# before the bridge is recorded and region_batch more before it is compiled).
# jit-expect: loops>=1
# jit-expect[none]: deinlined==1 aborts==0
# jit-expect[diamond,generalize,cap:2,adaptive,cfg]: deinlined==0 bridges==1 merges==1 functions==0 trace_entries<=8

def classify(i):
    if i < 300:
        return 1
    return 2


def main():
    t = 0
    for i in range(3000):
        t += classify(i)
    print(t)


main()
