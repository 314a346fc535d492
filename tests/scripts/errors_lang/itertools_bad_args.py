import itertools
print(list(itertools.islice("abcdef", 1, 4)))
try:
    itertools.islice("abc", -1)
except ValueError as e:
    print("ValueError:", e)
list(itertools.permutations(5))
