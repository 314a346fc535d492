class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(4)))
for i in Countdown(2):
    print("tick", i)
print(sum(Countdown(10)), max(Countdown(5)), sorted(Countdown(3)))
class Seq:
    def __getitem__(self, i):
        if i >= 4: raise IndexError
        return i * i
print(list(Seq()), 9 in Seq(), [x for x in Seq()])
class Bag:
    def __init__(self, items): self.items = items
    def __iter__(self): return iter(self.items)
b = Bag([3, 1, 2])
print(sorted(b), list(zip(b, b)), dict(enumerate(b)))
a, b2, c = Bag("xyz")
print(a, b2, c)
class NotIt: pass
try:
    iter(NotIt())
except TypeError as e:
    print("TypeError:", e)
try:
    for _ in NotIt(): pass
except TypeError as e:
    print("TypeError:", e)
class BadIter:
    def __iter__(self): return 5
try:
    iter(BadIter())
except TypeError as e:
    print("TypeError:", e)
it = Countdown(1)
print(next(it), next(it, "done"))
