"""Geometry helpers."""
PI = 3.14159
_private = "hidden"
print("geometry loading, __name__ =", __name__)
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
def dist2(a, b):
    return (a.x - b.x) ** 2 + (a.y - b.y) ** 2
if __name__ == "__main__":
    print("never printed on import")
