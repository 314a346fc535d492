# Shape: a loop building instances of small classes (bench/raytrace.py's
# vectors and rays in small). Each class call allocates through the
# new_instance helper and inlines __init__, so the loop makes no generic
# call: before, every Vec(...) and Ray(...) was a residual call that entered
# __init__'s own function trace through the interpreter's call path.
# jit-expect: loops>=1 calls_by_helper.call==0 calls_by_helper.new_instance>=2 deinlined==0


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction


def run(n):
    total = 0.0
    for i in range(n):
        o = Vec(i * 0.5, 1.0)
        r = Ray(o, Vec(1.0, i * 0.25))
        total += r.origin.x * r.direction.y - r.origin.y
    return total


print(run(3000))
