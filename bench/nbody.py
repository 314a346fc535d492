# N-body simulation of the Jovian planets (benchmark, classic): a symplectic
# Euler integrator over five bodies kept as flat lists of floats, with every
# pair visited each step.  Float arithmetic, list indexing, nested loops; the
# energy before and after is the result (IEEE operations in a fixed order, so
# every implementation prints the same digits).
# Size: --scale=X argument or BENCH_SCALE=X (multiplies the number of steps).
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


PI = 3.14159265358979323
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


def make_bodies():
    """[x, y, z, vx, vy, vz, mass] for the sun and the four gas giants."""
    planets = [
        # Jupiter
        [4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
         1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05,
         9.54791938424326609e-04],
        # Saturn
        [8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
         -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05,
         2.85885980666130812e-04],
        # Uranus
        [1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
         2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05,
         4.36624404335156298e-05],
        # Neptune
        [1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
         2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05,
         5.15138902046611451e-05],
    ]
    bodies = [[0.0, 0.0, 0.0, 0.0, 0.0, 0.0, SOLAR_MASS]]
    for p in planets:
        bodies.append([p[0], p[1], p[2], p[3] * DAYS_PER_YEAR, p[4] * DAYS_PER_YEAR,
                       p[5] * DAYS_PER_YEAR, p[6] * SOLAR_MASS])
    # give the sun the momentum that makes the system's total zero
    px = 0.0
    py = 0.0
    pz = 0.0
    for b in bodies:
        px += b[3] * b[6]
        py += b[4] * b[6]
        pz += b[5] * b[6]
    sun = bodies[0]
    sun[3] = -px / SOLAR_MASS
    sun[4] = -py / SOLAR_MASS
    sun[5] = -pz / SOLAR_MASS
    return bodies


def energy(bodies):
    e = 0.0
    n = len(bodies)
    for i in range(n):
        b = bodies[i]
        e += 0.5 * b[6] * (b[3] * b[3] + b[4] * b[4] + b[5] * b[5])
        for j in range(i + 1, n):
            c = bodies[j]
            dx = b[0] - c[0]
            dy = b[1] - c[1]
            dz = b[2] - c[2]
            e -= b[6] * c[6] / math.sqrt(dx * dx + dy * dy + dz * dz)
    return e


def advance(bodies, dt, steps):
    n = len(bodies)
    for s in range(steps):
        for i in range(n):
            b = bodies[i]
            bm = b[6]
            for j in range(i + 1, n):
                c = bodies[j]
                dx = b[0] - c[0]
                dy = b[1] - c[1]
                dz = b[2] - c[2]
                d2 = dx * dx + dy * dy + dz * dz
                mag = dt / (d2 * math.sqrt(d2))
                cm = c[6] * mag
                b[3] -= dx * cm
                b[4] -= dy * cm
                b[5] -= dz * cm
                bmag = bm * mag
                c[3] += dx * bmag
                c[4] += dy * bmag
                c[5] += dz * bmag
        for b in bodies:
            b[0] += dt * b[3]
            b[1] += dt * b[4]
            b[2] += dt * b[5]


def main():
    steps = max(10, int(200000 * bench_scale()))
    bodies = make_bodies()
    t0 = time.perf_counter()
    e0 = energy(bodies)
    advance(bodies, 0.01, steps)
    e1 = energy(bodies)
    t1 = time.perf_counter()
    print("steps = %d" % steps)
    print("energy before = %r" % e0)
    print("energy after = %r" % e1)
    print("time = %.4f s" % (t1 - t0))


main()
