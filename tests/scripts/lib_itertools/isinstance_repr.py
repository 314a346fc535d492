import itertools
c = itertools.chain([1], [2])
print(type(c).__name__, isinstance(c, itertools.chain), iter(c) is c)
print(repr(itertools.count(3)), type(itertools.count).__name__)
for name in ['count', 'repeat', 'chain', 'islice', 'product', 'permutations', 'combinations', 'combinations_with_replacement',
             'accumulate', 'zip_longest', 'takewhile', 'dropwhile', 'starmap', 'groupby', 'cycle', 'compress', 'tee', 'filterfalse', 'pairwise']:
    print(name, hasattr(itertools, name))
from itertools import *
print(list(islice(count(1), 3)))
r = repr(itertools.chain())
print(r.startswith('<itertools.chain object at 0x'))
