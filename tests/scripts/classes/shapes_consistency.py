class Node:
    def __init__(self, v, first):
        if first:
            self.v = v
            self.nxt = None
        else:
            self.nxt = None
            self.v = v
nodes = [Node(i, i % 2 == 0) for i in range(10)]
print([n.v for n in nodes])
for n in nodes:
    n.extra = n.v * 2
print(sum(n.extra for n in nodes))
for i, n in enumerate(nodes):
    if i % 3 == 0:
        del n.nxt
print([hasattr(n, "nxt") for n in nodes])
print([sorted(n.__dict__) for n in nodes[:4]])
class Many:
    pass
m = Many()
for i in range(40):
    setattr(m, "a%d" % i, i)
print(sum(getattr(m, "a%d" % i) for i in range(40)), len(m.__dict__))
for i in range(0, 40, 2):
    delattr(m, "a%d" % i)
print(len(m.__dict__), m.a39, hasattr(m, "a0"))
