from functools import lru_cache, cache
@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
@lru_cache
def sq(x):
    print('computing', x)
    return x * x
print(sq(3), sq(3), sq(4), sq.cache_info())
@lru_cache(maxsize=2)
def ident(x):
    print('miss', x)
    return x
for v in [1, 2, 1, 3, 2, 1]:
    ident(v)
print(ident.cache_info())
ident.cache_clear()
print(ident.cache_info())
@cache
def add(a, b=0):
    print('add', a, b)
    return a + b
print(add(1, 2), add(1, 2), add(1, b=2), add(a=1, b=2))
print(add.__name__, fib.__wrapped__.__name__)
@lru_cache(maxsize=0)
def nocache(x):
    return x
nocache(1); nocache(1)
print(nocache.cache_info())
