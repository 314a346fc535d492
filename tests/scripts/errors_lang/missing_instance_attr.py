class Point:
    def __init__(self):
        self.x = 1
p = Point()
print(p.x, hasattr(p, "y"), getattr(p, "y", "default"))
print(p.y)
