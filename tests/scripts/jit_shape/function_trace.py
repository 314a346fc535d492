# Shape: a small user function called from code that is not traced (the loop
# inside the built-in map and sum) gets a function trace of its own, entered
# on every call.
# jit-expect: functions==1 loops==0 trace_entries>=500

def sq(x):
    return x * x + 1

def main():
    t = sum(map(sq, range(600)))
    label = [599 - 1, 599]
    del label[0]
    print(t, label[0])


main()
