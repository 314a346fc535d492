class K:
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        return isinstance(other, K) and self.k == other.k
    def __hash__(self):
        return hash(self.k)
a, b, c = K(1), K(1), K(2)
print(a == b, a != b, a == c, a != c, a is b)
d = {a: "one"}
print(d[b], b in d, c in d)
print(len({a, b, c}))
class NoHash:
    def __eq__(self, other):
        return True
print(NoHash.__hash__)
try:
    hash(NoHash())
except TypeError as e:
    print("TypeError:", e)
try:
    {NoHash(): 1}
except TypeError as e:
    print("TypeError:", e)
class Default: pass
x = Default()
print(x == x, x == Default(), hash(x) == hash(x), x != Default())
