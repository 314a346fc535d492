import itertools
def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
attempt(lambda: type(itertools.chain(1)).__name__)
attempt(lambda: list(itertools.chain(1)))
attempt(lambda: list(itertools.chain([1], 2)))
attempt(lambda: itertools.product(1))
attempt(lambda: itertools.cycle())
attempt(lambda: itertools.repeat())
attempt(lambda: itertools.accumulate())
attempt(lambda: list(itertools.accumulate([1, 'a'])))
attempt(lambda: itertools.islice([1], 1, 2, 3, 4))
attempt(lambda: next(itertools.count(1)))
attempt(lambda: next(iter(itertools.repeat(1, 0))))
