from itertools import product, permutations, combinations, combinations_with_replacement
print(list(product('ab', range(2))), list(product([1, 2], repeat=2)), list(product()), list(product('ab', [])))
print(list(product('ab', 'cd', 'e')), len(list(product(range(3), repeat=4))), list(product('x', repeat=0)))
print(list(permutations('abc')), list(permutations(range(4), 2))[:6], list(permutations('ab', 3)), list(permutations([], 0)))
print(len(list(permutations(range(6)))), list(permutations('abc', 0)))
print(list(combinations('abcd', 2)), list(combinations(range(5), 3))[:4], list(combinations('ab', 3)), list(combinations('abc', 0)))
print(list(combinations_with_replacement('abc', 2)), list(combinations_with_replacement([], 2)), list(combinations_with_replacement('ab', 0)))
print(len(list(combinations(range(10), 4))), len(list(combinations_with_replacement(range(5), 3))))
for f in (lambda: combinations('abc', -1), lambda: permutations('abc', -2), lambda: product('a', repeat=-1), lambda: combinations('abc')):
    try:
        f()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
