# The chaos game (benchmark): an iterated function system of affine maps
# (a fern-like set of four maps plus a Sierpinski-like set of three), each map
# picked with its probability by a seeded LCG written here (not `random`, so
# every implementation draws the same points).  Map objects with an `apply`
# method (one call site, two classes: Affine and Swirl), float arithmetic,
# int() quantization and a histogram grid in a flat list.  The result is the
# number of cells hit, the fullest cell and a checksum of the grid.
# Size: --scale=X argument or BENCH_SCALE=X (multiplies the number of points).
import math
import sys
import time


def bench_scale():
    """The size factor: --scale=X on the command line, else BENCH_SCALE, else 1."""
    for arg in sys.argv[1:]:
        if arg.startswith("--scale="):
            return float(arg[len("--scale="):])
    try:
        import os
    except Exception:  # Tributary has no os module yet
        return 1.0
    return float(os.environ.get("BENCH_SCALE", "1"))


GRID = 96


class Lcg:
    """A 32-bit LCG (Numerical Recipes constants); uniform() in [0, 1)."""

    def __init__(self, seed):
        self.state = seed

    def uniform(self):
        self.state = (self.state * 1664525 + 1013904223) & 0xFFFFFFFF
        return (self.state >> 8) * (1.0 / 16777216.0)


class Affine:
    """(x, y) -> (a x + b y + e, c x + d y + f)."""

    def __init__(self, a, b, c, d, e, f):
        self.a = a
        self.b = b
        self.c = c
        self.d = d
        self.e = e
        self.f = f

    def apply(self, x, y):
        return self.a * x + self.b * y + self.e, self.c * x + self.d * y + self.f


class Swirl:
    """An affine map followed by a mild swirl (a non-linear variation)."""

    def __init__(self, affine, strength):
        self.affine = affine
        self.strength = strength

    def apply(self, x, y):
        x, y = self.affine.apply(x, y)
        r2 = (x * x + y * y) * self.strength
        s = math.sin(r2)
        c = math.cos(r2)
        return x * c - y * s, x * s + y * c


class System:
    def __init__(self, maps, weights, bounds):
        self.maps = maps
        self.cumulative = []
        acc = 0.0
        for w in weights:
            acc += w
            self.cumulative.append(acc)
        self.bounds = bounds  # (xmin, xmax, ymin, ymax)

    def pick(self, u):
        cum = self.cumulative
        for i in range(len(cum)):
            if u < cum[i]:
                return self.maps[i]
        return self.maps[-1]

    def run(self, rng, points, grid):
        xmin, xmax, ymin, ymax = self.bounds
        sx = GRID / (xmax - xmin)
        sy = GRID / (ymax - ymin)
        x = 0.0
        y = 0.0
        for i in range(points):
            m = self.pick(rng.uniform())
            x, y = m.apply(x, y)
            if i < 20:
                continue  # let the orbit settle onto the attractor
            col = int((x - xmin) * sx)
            row = int((y - ymin) * sy)
            if 0 <= col < GRID and 0 <= row < GRID:
                grid[row * GRID + col] += 1


def fern():
    return System([Affine(0.0, 0.0, 0.0, 0.16, 0.0, 0.0),
                   Affine(0.85, 0.04, -0.04, 0.85, 0.0, 1.6),
                   Affine(0.2, -0.26, 0.23, 0.22, 0.0, 1.6),
                   Swirl(Affine(-0.15, 0.28, 0.26, 0.24, 0.0, 0.44), 0.05)],
                  [0.01, 0.85, 0.07, 0.07], (-3.0, 3.0, -0.5, 10.5))


def triangle():
    return System([Affine(0.5, 0.0, 0.0, 0.5, 0.0, 0.0),
                   Affine(0.5, 0.0, 0.0, 0.5, 0.5, 0.0),
                   Swirl(Affine(0.5, 0.0, 0.0, 0.5, 0.25, 0.433), 0.3)],
                  [0.34, 0.33, 0.33], (-0.2, 1.2, -0.2, 1.2))


def main():
    points = max(100, int(300000 * bench_scale()))
    t0 = time.perf_counter()
    rng = Lcg(12345)
    grid = [0] * (GRID * GRID)
    fern().run(rng, points, grid)
    triangle().run(rng, points, grid)
    hit = 0
    fullest = 0
    checksum = 0
    for i in range(len(grid)):
        n = grid[i]
        if n:
            hit += 1
            if n > fullest:
                fullest = n
            checksum = (checksum + n * (i + 1)) % 1000000007
    t1 = time.perf_counter()
    print("points = %d, cells hit = %d, fullest = %d, checksum = %d"
          % (2 * points, hit, fullest, checksum))
    print("time = %.4f s" % (t1 - t0))


main()
