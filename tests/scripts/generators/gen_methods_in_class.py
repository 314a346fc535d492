class Tree:
    def __init__(self, v, kids=()):
        self.v = v
        self.kids = list(kids)
    def walk(self, depth=0):
        yield depth, self.v
        for k in self.kids:
            yield from k.walk(depth + 1)
    def __iter__(self):
        for _, v in self.walk():
            yield v
t = Tree(1, [Tree(2, [Tree(4)]), Tree(3)])
print(list(t.walk()))
print(list(t), sum(t), max(t))
for d, v in t.walk():
    print("  " * d + str(v))
