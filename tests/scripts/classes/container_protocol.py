class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}
    def __getitem__(self, key):
        x, y = key
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError("out of grid")
        return self.cells.get(key, ".")
    def __setitem__(self, key, v):
        self.cells[key] = v
    def __delitem__(self, key):
        del self.cells[key]
    def __len__(self):
        return self.w * self.h
    def __contains__(self, v):
        return v in self.cells.values()
g = Grid(3, 2)
g[1, 1] = "#"
print(g[1, 1], g[0, 0], len(g), "#" in g, "@" in g)
del g[1, 1]
print(g[1, 1])
try:
    g[5, 5]
except IndexError as e:
    print("IndexError:", e)
try:
    del g[0, 0]
except KeyError as e:
    print("KeyError:", e)
print(bool(Grid(0, 5)), bool(g))
class NoItems: pass
try:
    NoItems()[0]
except TypeError as e:
    print("TypeError:", e)
try:
    NoItems()[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    len(NoItems())
except TypeError as e:
    print("TypeError:", e)
