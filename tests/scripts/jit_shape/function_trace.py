# Shape: a small user function called from code that is not traced (this
# loop deletes a list item, which the recorder does not support) gets a
# function trace of its own, entered on every call.
# jit-expect: functions==1 aborts>=1 trace_entries>=500

def sq(x):
    return x * x + 1

def main():
    t = 0
    for i in range(600):
        t = t + sq(i)
        label = [i - 1, i]
        del label[0]
    print(t, label[0])


main()
