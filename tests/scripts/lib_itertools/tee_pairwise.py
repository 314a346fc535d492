from itertools import tee, pairwise, islice, count
a, b = tee([1, 2, 3, 4])
print(list(a), list(b))
x, y, z = tee(iter('abc'), 3)
print(next(x), next(x), next(y), list(z), list(x), list(y))
c1, c2 = tee(count())
print(list(islice(c1, 5)), list(islice(c2, 3)))
print(tee('ab', 0), len(tee('ab')))
print(list(pairwise('abcd')), list(pairwise([1])), list(pairwise([])), list(pairwise(range(5))))
