# Shape: calls from a hot loop to small functions and methods are inlined
# into the loop's trace, two levels deep; the loop compiles once with no
# aborts and runs without leaving its trace.
# jit-expect: loops==1 aborts==0 inlined_calls>=3 deinlined==0 side_exits<=2

class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def dot(self, other):
        return mul(self.x, other.x) + mul(self.y, other.y)


def mul(a, b):
    return a * b


def norm2(v):
    return v.dot(v)


def main():
    v = Vec(3, 4)
    t = 0
    for i in range(2000):
        t += norm2(v) + mul(i, 2)
    print(t)


main()
