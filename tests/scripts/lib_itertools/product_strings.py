from itertools import product, permutations
words = [''.join(p) for p in product('ab', repeat=3)]
print(words)
print([''.join(p) for p in permutations('abc')])
print(sum(1 for _ in product(range(4), 'xy', [True, False])))
codes = {a + b: i for i, (a, b) in enumerate(product('XY', '12'))}
print(codes)
