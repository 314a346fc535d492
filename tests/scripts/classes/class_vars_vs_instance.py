class Shared:
    items = []
    def add(self, x):
        self.items.append(x)
a, b = Shared(), Shared()
a.add(1); b.add(2)
print(a.items, b.items, Shared.items)
class Own:
    def __init__(self):
        self.items = []
    def add(self, x):
        self.items.append(x)
a, b = Own(), Own()
a.add(1); b.add(2)
print(a.items, b.items)
class Shadow:
    v = "class"
s = Shadow()
print(s.v)
s.v = "inst"
print(s.v, Shadow.v)
del s.v
print(s.v)
