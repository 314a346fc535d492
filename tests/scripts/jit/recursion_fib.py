# Recursive functions that get function traces.

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))

def power(b, e):
    if e == 0:
        return 1
    h = power(b, e // 2)
    if e % 2:
        return h * h * b
    return h * h

def main():
    print([fib(i) for i in range(20)])
    print(ack(2, 3), ack(2, 10))
    print([power(3, e) for e in range(0, 60, 7)])
    print(power(2.0, 30), power(-2, 71))


main()
