# Loads of one address are merged only while nothing could have written
# memory in between: each reread here follows a write through another name
# for the same object (an alias, an inlined call, a list element, a global
# rebound in a called function), in a hot loop and in a hot function.

class Box:
    def __init__(self, v):
        self.v = v


def bump(b):
    b.v = b.v + 1


G = 10


def rebind(x):
    global G
    G = x


def body(p, q, items, view, i):
    a = p.v
    q.v = a + 3           # q is p
    b = p.v
    bump(q)               # inlined: a store through q
    c = p.v
    x = items[0]
    view[0] = x + i       # view is items
    y = items[0]
    g1 = G
    rebind(i % 7)
    g2 = G
    return a + b * 3 + c * 5 + x * 7 + y * 11 + g1 * 13 + g2 * 17


def run(n):
    p = Box(1)
    items = [2, 3]
    total = 0
    for i in range(n):
        total += body(p, p, items, items, i)
        if i % 3 == 0:
            p.v = i
    return total, p.v, items, G


print(run(500))
# The same in the loop itself.
p = Box(0)
q = p
s = 0
for i in range(400):
    s += p.v
    q.v = i
    s += p.v * 2
print(s, p.v)
