from itertools import zip_longest, groupby
print(list(zip_longest('abc', [1, 2])), list(zip_longest('ab', 'xyz', fillvalue='-')), list(zip_longest()), list(zip_longest([], [])))
print(list(zip_longest(range(3))), list(zip_longest('a', 'bc', 'def', fillvalue=0)))
data = 'aaabccddddae'
print([(k, len(list(g))) for k, g in groupby(data)])
print([(k, list(g)) for k, g in groupby([1, 3, 2, 4, 5, 7, 8], key=lambda x: x % 2)])
print([k for k, g in groupby(sorted('mississippi'))])
groups = groupby('aabbc')
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2))
words = ['apple', 'avocado', 'banana', 'blueberry', 'cherry']
for letter, ws in groupby(words, key=lambda w: w[0]):
    print(letter, list(ws))
print(list(groupby([])))
try:
    zip_longest('a', bogus=1)
except TypeError as e:
    print('TypeError', e)
