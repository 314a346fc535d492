class Shape:
    def area(self):
        raise NotImplementedError(f"{type(self).__name__}.area")
class Sq(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
class Circle(Shape):
    pass
print(Sq(3).area())
Circle().area()
