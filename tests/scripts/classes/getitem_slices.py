class Rng:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __getitem__(self, i):
        if isinstance(i, slice):
            start, stop, step = i.start, i.stop, i.step
            return list(range(self.n))[start:stop:step] and [self[j] for j in list(range(self.n))[start:stop:step]]
        if i < 0: i += self.n
        if not 0 <= i < self.n: raise IndexError("Rng index out of range")
        return i * 10
r = Rng(6)
print(r[0], r[-1], r[1:4], r[::2], r[::-1])
print(list(r), reversed(r) is not None, 30 in r)
try:
    r[10]
except IndexError as e:
    print("IndexError:", e)
