from functools import lru_cache, reduce
@lru_cache(maxsize=None)
def paths(r, c):
    if r == 0 or c == 0:
        return 1
    return paths(r - 1, c) + paths(r, c - 1)
print(paths(16, 16), paths.cache_info().currsize)
@lru_cache(maxsize=128)
def collatz(n):
    if n == 1:
        return 0
    return 1 + collatz(n // 2 if n % 2 == 0 else 3 * n + 1)
best = max(range(1, 3000), key=collatz)
print(best, collatz(best))
print(reduce(lambda acc, x: acc ^ x, range(1000)), reduce(lambda a, b: a if a[1] >= b[1] else b, enumerate([5, 9, 2, 9])))
