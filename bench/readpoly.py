# Reading a binary protocol (benchmark; seed 001, bonus slides "(Avoid)
# allocations is all you need"): triangles of three (x, y) double points are
# written with struct to a scratch file, then read back twice to compute the
# barycenter: as a bare struct.unpack_from loop, and through small
# Triangle/Point view classes whose properties unpack one field each.  The
# second form allocates two objects per field access unless the JIT removes
# the allocations.  The scratch file lives in tempfile.gettempdir() and is
# removed at the end.
# Size: --scale=X argument or BENCH_SCALE=X (multiplies the number of triangles).
import os
import struct
import sys
import tempfile
import time


def bench_scale():
    """The size factor: --scale=X on the command line, else BENCH_SCALE, else 1."""
    for arg in sys.argv[1:]:
        if arg.startswith("--scale="):
            return float(arg[len("--scale="):])
    return float(os.environ.get("BENCH_SCALE", "1"))


FMT = "<dddddd"
SIZE = struct.calcsize(FMT)


def write_triangles(path, count):
    """Writes `count` pseudo-random triangles (an LCG, so every run is the same)."""
    state = 2024
    with open(path, "wb") as f:
        for i in range(count):
            coords = []
            for k in range(6):
                state = (state * 1103515245 + 12345) % 2147483648
                coords.append((state >> 8) % 20001 / 100.0 - 100.0)
            f.write(struct.pack(FMT, *coords))


def read_loop(path):
    tot_x = 0.0
    tot_y = 0.0
    n = 0
    with open(path, "rb") as f:
        while True:
            buf = f.read(SIZE)
            if not buf:
                break
            ax, ay, bx, by, cx, cy = struct.unpack_from(FMT, buf)
            tot_x += ax + bx + cx
            tot_y += ay + by + cy
            n += 1
    return n, tot_x / (3 * n), tot_y / (3 * n)


class Point:
    """A view of two doubles at `offset` in `buf`."""

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
    """A view of three Points at `offset` in `buf`."""

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


def read_proto(path):
    tot_x = 0.0
    tot_y = 0.0
    n = 0
    with open(path, "rb") as f:
        while True:
            buf = f.read(SIZE)
            if not buf:
                break
            t = Triangle(buf, 0)
            tot_x += t.a.x + t.b.x + t.c.x
            tot_y += t.a.y + t.b.y + t.c.y
            n += 1
    return n, tot_x / (3 * n), tot_y / (3 * n)


def main():
    count = max(10, int(300000 * bench_scale()))
    path = os.path.join(tempfile.gettempdir(), "tributary-readpoly-%d.bin" % os.getpid())
    try:
        write_triangles(path, count)
        t0 = time.perf_counter()
        loop = read_loop(path)
        t1 = time.perf_counter()
        proto = read_proto(path)
        t2 = time.perf_counter()
    finally:
        if os.path.exists(path):
            os.remove(path)
    print("read_loop: n = %d, barycenter = (%r, %r)" % loop)
    print("read_proto: n = %d, barycenter = (%r, %r)" % proto)
    print("time read_loop = %.4f s (1.00x)" % (t1 - t0))
    print("time read_proto = %.4f s (%.2fx)" % (t2 - t1, (t2 - t1) / (t1 - t0)))
    print("time = %.4f s" % (t2 - t0))


main()
