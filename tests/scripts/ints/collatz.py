def steps(n):
    c = 0
    while n != 1:
        if n % 2 == 0:
            n //= 2
        else:
            n = 3 * n + 1
        c += 1
    return c
best = 0
arg = 0
for i in range(1, 3000):
    s = steps(i)
    if s > best:
        best, arg = s, i
print(best, arg)
print(steps(27), steps(2 ** 100 + 1))
