f = frozenset([3, 1, 2, 3])
print(f, len(f), 2 in f)
print(f | {9}, f & frozenset([1, 5]), type(f | {9}), type({9} | f))
print(frozenset(), frozenset() == set(), frozenset([1]) == {1})
d = {frozenset([1, 2]): "pair"}
print(d[frozenset([2, 1])])
try:
    f.add(4)
except AttributeError as e:
    print("AttributeError:", e)
s = {frozenset([1]), frozenset([1])}
print(len(s))
