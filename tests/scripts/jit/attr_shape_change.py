# Instance attribute loads and stores compiled by shape guard: the shape
# changes mid-loop (attribute added, attribute deleted), so the guards fail
# and the interpreter (or a bridge) must take over with the right values.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def walk(points, n):
    total = 0
    for i in range(n):
        p = points[i % len(points)]
        p.x = p.x + 1
        total += p.x * p.y
    return total


pts = [Point(1, 2), Point(3, 4)]
print(walk(pts, 50))
# Same class, another shape: z added first, then x, y (different slot order).
odd = Point.__new__(Point)
odd.z = 100
odd.y = 7
odd.x = 5
pts.append(odd)
print(walk(pts, 60))
# An attribute added to one instance mid-run changes its shape.
pts[0].extra = 1
print(walk(pts, 30))
# Deleting an attribute rebuilds the shape.
del odd.z
print(walk(pts, 30))
print(sorted(vars(odd).items()))


def grow(n):
    p = Point(0, 0)
    out = []
    for i in range(n):
        if i == n // 2:
            p.late = 10
        out.append(p.x + getattr(p, "late", 0))
        p.x += 1
    return out


print(grow(20))


def missing(n):
    p = Point(1, 1)
    hits = 0
    for i in range(n):
        if i == 15:
            del p.y
        try:
            hits += p.y
        except AttributeError as e:
            print("AttributeError:", e)
            p.y = 2
    return hits


print(missing(30))
