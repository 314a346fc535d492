# Builtin subclasses in hot loops: the JIT must respect their overrides.
class Vec(list):
    def __getitem__(self, i):
        return list.__getitem__(self, i) + 100


class Count(int):
    def __add__(self, other):
        return Count(int(self) + int(other) + 1)


class Key(str):
    pass


v = Vec([1, 2, 3])
total = 0
c = Count(0)
d = {}
for i in range(3000):
    total += v[i % 3]
    a, b, e = v
    total += len(v) + a
    if i % 100 == 0:
        c = c + 1
    d[Key("k%d" % (i % 7))] = i
print(total, c, type(c).__name__, sorted(d)[:3], len(d))
