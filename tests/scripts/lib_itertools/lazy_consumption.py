from itertools import islice, count, takewhile, dropwhile, chain, accumulate, zip_longest
def gen_squares():
    return (n * n for n in count(1))
print(list(islice(map(lambda n: n * n, count(1)), 6)))
print(sum(takewhile(lambda x: x < 1000, map(lambda n: n * n, count(1)))))
it = iter(range(10))
print(list(dropwhile(lambda x: x < 3, it)))
running = list(accumulate(range(1, 11)))
print(running, running[-1])
pairs = list(zip_longest(range(3), 'abcde'))
print(pairs)
evens = filter(lambda n: n % 2 == 0, count())
print(list(islice(evens, 5)))
nested = [[1, 2], [3], [], [4, 5, 6]]
print(list(chain(*nested)), sum(chain.from_iterable(nested)))
