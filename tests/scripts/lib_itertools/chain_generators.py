from itertools import chain, islice, count, cycle
def gen(n):
    for i in range(n):
        yield i * 10
print(list(chain(gen(3), gen(2))), list(islice(gen(100), 2, 5)))
print(list(islice(cycle(gen(3)), 7)))
evens = (x for x in count() if x % 2 == 0)
print(list(islice(evens, 4)))
print(list(chain.from_iterable(gen(k) for k in range(4))))
