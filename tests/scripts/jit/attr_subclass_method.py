# One call site, receivers of several classes (polymorphic LOAD_METHOD and
# LOAD_ATTR), subclasses overriding and inheriting, and builtin methods.


class Shape:
    sides = 0

    def area(self):
        return 0

    def describe(self):
        return self.sides * 10 + self.area()


class Square(Shape):
    sides = 4

    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s


class Tri(Shape):
    sides = 3

    def __init__(self, b, h):
        self.b = b
        self.h = h

    def area(self):
        return self.b * self.h // 2


class BigSquare(Square):
    def area(self):
        return super().area() * 100


def total(shapes, n):
    t = 0
    for i in range(n):
        s = shapes[i % len(shapes)]
        t += s.describe() + s.area() + s.sides
    return t


print(total([Square(2)], 30))
print(total([Square(2), Tri(3, 4)], 30))
print(total([Square(2), Tri(3, 4), BigSquare(1), Shape()], 60))


def builtin_methods(n):
    out = []
    d = {}
    for i in range(n):
        out.append(i)
        d.setdefault(i % 3, []).append(i)
        if len(out) > 5:
            out.pop(0)
    return out, sorted(d.items())


print(builtin_methods(20))
