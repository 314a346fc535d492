# A small ray tracer (benchmark): a Vector class with operator overloading
# (__add__, __sub__, __mul__, __neg__), Ray, Sphere and Plane shapes behind one
# `intersect`/`normal_at` interface (polymorphic calls), three point lights
# with shadow rays, a checkerboard plane and one level of reflection.  Float
# arithmetic through many small objects (allocation removal).  Renders a
# square image in memory; the result is the sum and a hash of the quantized
# pixel values (IEEE operations in a fixed order, so every implementation
# prints the same numbers).
# Size: --scale=X argument or BENCH_SCALE=X (multiplies the number of pixels).
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


EPSILON = 1e-6


class Vector:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y, self.z - other.z)

    def __mul__(self, k):
        return Vector(self.x * k, self.y * k, self.z * k)

    def __neg__(self):
        return Vector(-self.x, -self.y, -self.z)

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z

    def length(self):
        return math.sqrt(self.dot(self))

    def normalized(self):
        return self * (1.0 / self.length())

    def times(self, other):
        """Component-wise product (for colours)."""
        return Vector(self.x * other.x, self.y * other.y, self.z * other.z)

    def reflect(self, normal):
        return self - normal * (2.0 * self.dot(normal))


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction

    def point_at(self, t):
        return self.origin + self.direction * t


class Material:
    def __init__(self, colour, reflectivity, shininess, checker=None):
        self.colour = colour
        self.reflectivity = reflectivity
        self.shininess = shininess  # an int: the specular power
        self.checker = checker

    def colour_at(self, point):
        if self.checker is None:
            return self.colour
        if (int(math.floor(point.x)) + int(math.floor(point.z))) % 2 == 0:
            return self.colour
        return self.checker


class Sphere:
    def __init__(self, centre, radius, material):
        self.centre = centre
        self.radius = radius
        self.material = material

    def intersect(self, ray):
        """The smallest t > EPSILON where the ray meets the sphere, or None."""
        oc = ray.origin - self.centre
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0.0:
            return None
        root = math.sqrt(disc)
        t = -b - root
        if t > EPSILON:
            return t
        t = -b + root
        if t > EPSILON:
            return t
        return None

    def normal_at(self, point):
        return (point - self.centre).normalized()


class Plane:
    def __init__(self, point, normal, material):
        self.point = point
        self.normal = normal.normalized()
        self.material = material

    def intersect(self, ray):
        denom = ray.direction.dot(self.normal)
        if abs(denom) < EPSILON:
            return None
        t = (self.point - ray.origin).dot(self.normal) / denom
        if t > EPSILON:
            return t
        return None

    def normal_at(self, point):
        return self.normal


class Light:
    def __init__(self, position, colour):
        self.position = position
        self.colour = colour


class Scene:
    def __init__(self):
        self.shapes = []
        self.lights = []
        self.ambient = Vector(0.1, 0.1, 0.1)
        self.background = Vector(0.2, 0.3, 0.5)

    def nearest(self, ray):
        best_t = None
        best = None
        for shape in self.shapes:
            t = shape.intersect(ray)
            if t is not None and (best_t is None or t < best_t):
                best_t = t
                best = shape
        return best, best_t

    def shadowed(self, point, light_dir, distance):
        ray = Ray(point, light_dir)
        for shape in self.shapes:
            t = shape.intersect(ray)
            if t is not None and t < distance:
                return True
        return False

    def trace(self, ray, depth):
        shape, t = self.nearest(ray)
        if shape is None:
            return self.background
        point = ray.point_at(t)
        normal = shape.normal_at(point)
        material = shape.material
        base = material.colour_at(point)
        colour = base.times(self.ambient)
        for light in self.lights:
            to_light = light.position - point
            distance = to_light.length()
            light_dir = to_light * (1.0 / distance)
            lambert = normal.dot(light_dir)
            if lambert <= 0.0 or self.shadowed(point, light_dir, distance):
                continue
            colour = colour + base.times(light.colour) * lambert
            half = (light_dir - ray.direction).normalized()
            spec = normal.dot(half)
            if spec > 0.0:
                power = 1.0
                for i in range(material.shininess):
                    power *= spec
                colour = colour + light.colour * (power * 0.5)
        if depth > 0 and material.reflectivity > 0.0:
            reflected = Ray(point, ray.direction.reflect(normal))
            colour = colour + self.trace(reflected, depth - 1) * material.reflectivity
        return colour


def build_scene():
    scene = Scene()
    scene.shapes.append(Plane(Vector(0.0, -1.0, 0.0), Vector(0.0, 1.0, 0.0),
                              Material(Vector(0.9, 0.9, 0.9), 0.2, 8, Vector(0.1, 0.1, 0.1))))
    scene.shapes.append(Sphere(Vector(0.0, 0.0, 5.0), 1.0,
                               Material(Vector(1.0, 0.2, 0.2), 0.3, 32)))
    scene.shapes.append(Sphere(Vector(-2.0, 0.5, 6.5), 1.5,
                               Material(Vector(0.2, 1.0, 0.3), 0.1, 16)))
    scene.shapes.append(Sphere(Vector(2.2, -0.3, 4.2), 0.7,
                               Material(Vector(0.3, 0.4, 1.0), 0.5, 64)))
    scene.shapes.append(Plane(Vector(0.0, 0.0, 14.0), Vector(0.0, 0.0, -1.0),
                              Material(Vector(0.6, 0.5, 0.4), 0.0, 4)))
    scene.lights.append(Light(Vector(-5.0, 6.0, 0.0), Vector(0.8, 0.8, 0.8)))
    scene.lights.append(Light(Vector(4.0, 3.0, 1.0), Vector(0.4, 0.3, 0.3)))
    scene.lights.append(Light(Vector(0.0, 8.0, 8.0), Vector(0.3, 0.3, 0.4)))
    return scene


def quantize(v):
    if v <= 0.0:
        return 0
    if v >= 1.0:
        return 255
    return int(v * 255.0)


def render(scene, size):
    eye = Vector(0.0, 0.5, -1.0)
    total = 0
    digest = 0
    inv = 1.0 / size
    for row in range(size):
        y = 1.0 - 2.0 * (row + 0.5) * inv
        for col in range(size):
            x = 2.0 * (col + 0.5) * inv - 1.0
            direction = Vector(x, y, 1.5).normalized()
            c = scene.trace(Ray(eye, direction), 2)
            r = quantize(c.x)
            g = quantize(c.y)
            b = quantize(c.z)
            total += r + g + b
            digest = (digest * 131 + r * 65536 + g * 256 + b) % 2147483647
    return total, digest


def main():
    size = max(8, int(110 * math.sqrt(bench_scale())))
    scene = build_scene()
    t0 = time.perf_counter()
    total, digest = render(scene, size)
    t1 = time.perf_counter()
    print("size = %dx%d, sum = %d, digest = %d" % (size, size, total, digest))
    print("time = %.4f s" % (t1 - t0))


main()
