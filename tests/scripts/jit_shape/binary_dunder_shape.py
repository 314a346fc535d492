# Shape: vector arithmetic through a user class's __add__, __sub__ and
# __mul__ (bench/raytrace.py's Vector in small). The special methods are
# inlined into the loop like calls, so no operator is left to the generic
# binary_op helper (before: every `+`, `-` and `*` of two vectors was a
# residual binary_op call, and the method ran as its own function trace).
# jit-expect: loops>=1 inlined_calls>=3 calls_by_helper.binary_op==0 deinlined==0


class Vec:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z


def run(n):
    p = Vec(0.0, 0.0, 0.0)
    v = Vec(1.0, 0.5, 0.25)
    g = Vec(0.0, -0.01, 0.0)
    energy = 0.0
    for i in range(n):
        p = p + v * 0.1
        v = v + g - v * 0.001
        energy += v.dot(v)
    return round(p.x, 6), round(p.y, 6), round(energy, 6)


print(run(3000))
