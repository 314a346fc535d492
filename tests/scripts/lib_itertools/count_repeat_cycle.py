from itertools import count, repeat, cycle, islice
print(list(islice(count(), 5)), list(islice(count(10), 3)), list(islice(count(1, 3), 4)), list(islice(count(2.5, 0.5), 3)))
print(list(islice(count(-3, -2), 4)), list(islice(count(2**62, 2**62), 3)))
print(repr(count()), repr(count(5)), repr(count(1, 2)), repr(count(1.5)), repr(count(0, 1.0)))
c = count(7)
next(c)
print(repr(c))
print(list(repeat('x', 3)), list(repeat(None, 0)), list(repeat(1, -2)), list(islice(repeat([1]), 2)))
print(repr(repeat('a')), repr(repeat('a', 3)))
r = repeat(5, 2)
print(next(r), repr(r))
print(list(islice(cycle('abc'), 8)), list(cycle([])), list(islice(cycle(range(2)), 5)))
for i, x in zip(count(), 'xyz'):
    print(i, x)
try:
    count('a')
except TypeError as e:
    print('TypeError', e)
