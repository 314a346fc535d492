# Shape: a recursive function gets a function trace.
# jit-expect: functions==1 loops==0 aborts==0 trace_entries>=1000

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def main():
    print(fib(18))


main()
