from collections import defaultdict
dd = defaultdict(list)
for k, v in [('a', 1), ('b', 2), ('a', 3)]:
    dd[k].append(v)
print(dd, dd['a'], len(dd), dict(dd), 'c' in dd, dd.get('c'), len(dd))
dd['c']
print(dd, sorted(dd), list(dd.items()), dd.keys())
counts = defaultdict(int)
for w in 'the cat and the hat and the bat'.split():
    counts[w] += 1
print(counts, max(counts, key=counts.get), counts.default_factory)
nested = defaultdict(lambda: defaultdict(int))
nested['x']['y'] += 2
print(nested['x']['y'], dict(nested['x']))
n = defaultdict(None, {1: 2})
print(n, n[1])
try:
    n[5]
except KeyError as e:
    print('KeyError', e)
s = defaultdict(set); s[1].add(2); print(s)
c = dd.copy(); c['z'].append(9); print(type(c).__name__, 'z' in dd, c['z'])
print(isinstance(dd, dict), dd == {'a': [1, 3], 'b': [2], 'c': []}, defaultdict(int) == {})
dd.default_factory = str
print(dd['new'] == '', repr(defaultdict(int)))
try:
    defaultdict(5)
except TypeError as e:
    print('TypeError', e)
