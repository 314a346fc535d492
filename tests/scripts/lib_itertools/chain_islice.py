from itertools import chain, islice
print(list(chain()), list(chain([1, 2], (3,), 'ab', range(2))), list(chain.from_iterable([[1], [2, 3], []])))
print(list(chain.from_iterable(['ab', 'cd'])), list(chain([], [], [1])))
it = chain([1, 2], [3])
print(next(it), list(it), list(it))
print(list(islice('abcdefg', 3)), list(islice('abcdefg', 2, 5)), list(islice('abcdefg', 1, None, 2)), list(islice('abcdefg', None)))
print(list(islice(range(100), 5, 50, 10)), list(islice('abc', 5, 10)), list(islice('abcdef', 0)), list(islice([], 3)))
src = iter(range(10))
print(list(islice(src, 3)), list(src))
src2 = iter(range(10))
print(list(islice(src2, 5, 2)), next(src2))
for bad in [('abc', -1), ('abc', 1, -1), ('abc', 0, 5, 0), ('abc', 'x'), ('abc', 1.5, 2)]:
    try:
        islice(*bad)
    except ValueError as e:
        print('ValueError', e)
try:
    islice('abc')
except TypeError as e:
    print('TypeError', e)
