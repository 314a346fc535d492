def g():
    yield from [1, 2]
    yield from 42
print(next(g()))
list(g())
