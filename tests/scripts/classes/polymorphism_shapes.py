class Shape:
    def area(self): return 0
    def __repr__(self): return f"{type(self).__name__}(area={self.area()})"
class Rect(Shape):
    def __init__(self, w, h): self.w, self.h = w, h
    def area(self): return self.w * self.h
class Square(Rect):
    def __init__(self, s): super().__init__(s, s)
class Tri(Shape):
    def __init__(self, b, h): self.b, self.h = b, h
    def area(self): return self.b * self.h / 2
shapes = [Rect(2, 3), Square(4), Tri(3, 4), Shape()]
print(shapes)
print(sum(s.area() for s in shapes))
print(sorted(shapes, key=lambda s: s.area()))
tot = 0
for i in range(2000):
    s = shapes[i % 4]
    tot += s.area()
print(tot)
