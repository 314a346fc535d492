# Shape: a loop calling a small user function makes a function trace for it
# (and a loop trace for the caller), without aborts.
# jit-expect: functions==1 loops==1 aborts==0 trace_entries>=500

def sq(x):
    return x * x + 1

def main():
    t = 0
    for i in range(600):
        t = t + sq(i)
    print(t)


main()
