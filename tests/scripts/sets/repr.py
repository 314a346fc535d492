print({1}, {1, 2}, set(), frozenset(), frozenset({3}))
print([{1, 2}], {(1, 2)})
print(repr({5, 4}), str(set([2, 1])))
