def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
def hanoi(n, a, b, c, moves):
    if n == 0:
        return
    hanoi(n - 1, a, c, b, moves)
    moves.append((a, c))
    hanoi(n - 1, b, a, c, moves)
print(fact(10), fact(25))
print([fib(i) for i in range(20)])
print(ackermann(2, 3))
m = []
hanoi(4, "A", "B", "C", m)
print(len(m), m[:5])
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)
print(depth(500))
