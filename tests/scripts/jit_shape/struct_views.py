# Shape: readpoly's prototype style (seed 000/001, "allocations is all you
# need"): view objects over a bytes buffer whose properties unpack doubles
# with struct.unpack_from. The property getters are inlined, each
# unpack_from of a constant format is loads from the bytes (no call), and
# the Triangle, its Points and the unpacked tuples are virtual: the loop
# allocates nothing and calls no helper (13 allocations removed in it). The
# getters, hot before the loop, also have function traces of their own: two
# more tuples removed (Point.x, Point.y), and the Point that Triangle.a, b
# and c return is built where it escapes, at the return (three CALLs of
# materialize, without the constructor's guards and stores; three more
# allocations counted removed). The one materialization at an exit is `t`,
# live when the loop ends.
# Before: 0.40 s for readpoly's read_proto (a residual get_attr per
# property, a call of unpack_from and a tuple per coordinate); after: 0.046 s.
# jit-expect: loops==1 bridges==0 allocations_removed==18 materialized==1 ops.CALL==3 calls_by_helper.new_instance==10 calls_by_helper.get_attr==0 calls_by_helper.call==0
import struct


class Point:
    def __init__(self, buf, offset):
        self.buf = buf
        self.offset = offset

    @property
    def x(self):
        return struct.unpack_from("<d", self.buf, self.offset)[0]

    @property
    def y(self):
        return struct.unpack_from("<d", self.buf, self.offset + 8)[0]


class Triangle:
    def __init__(self, buf, offset):
        self.buf = buf
        self.offset = offset

    @property
    def a(self):
        return Point(self.buf, self.offset)

    @property
    def b(self):
        return Point(self.buf, self.offset + 16)

    @property
    def c(self):
        return Point(self.buf, self.offset + 32)


def barycenter(data):
    tot_x = tot_y = 0.0
    n = 0
    for off in range(0, len(data), 48):
        t = Triangle(data, off)
        tot_x += t.a.x + t.b.x + t.c.x
        tot_y += t.a.y + t.b.y + t.c.y
        n += 1
    return n, tot_x / (3 * n), tot_y / (3 * n)


data = struct.pack("<%dd" % (6 * 2000), *range(6 * 2000))  # (no Python loop: only barycenter's is traced)
print(barycenter(data))
