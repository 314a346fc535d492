# Shape: a branch inside an inlined call that goes the other way often is not
# left to side exits forever: after trace_eagerness exits the function is
# de-inlined and the loop is re-recorded with a residual call (the function
# then gets its own trace with a bridge).
# jit-expect: deinlined==1 loops>=1
# jit-expect[none]: aborts==0

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
