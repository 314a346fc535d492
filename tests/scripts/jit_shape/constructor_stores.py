# Shape: a loop that builds a 3-attribute instance per iteration through an
# inlined __init__: its `self.a = ...` stores add attributes, and each is
# compiled as the interpreter's cached shape transition (guard the shape and
# the slot array's room, store the slot, store the next shape), not as a
# residual set_attr call (raytrace's vector constructors: 110 such calls,
# 0.138 -> 0.093 s). The object itself is still allocated (new_instance).
# jit-expect: calls_by_helper.set_attr==0 calls_by_helper.new_instance>=1


class Vec:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def plus(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)


def run(n):
    acc = Vec(0.0, 0.0, 0.0)
    step = Vec(1.0, 0.5, 0.25)
    for i in range(n):
        acc = acc.plus(step)
    return acc


v = run(3000)
print(v.x, v.y, v.z, sorted(vars(v)))
