# CPython's own enum module, unchanged (metaclasses, int/str subclasses,
# descriptors, __init_subclass__ and the match-free parts of its machinery).
import enum
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3

    def describe(self):
        return f"{self.name.lower()}={self.value}"


print(Color.RED, repr(Color.GREEN), Color(3), Color["RED"], Color.RED.name, Color.RED.value)
print(list(Color), len(Color), Color.RED in Color, Color.BLUE.describe(), type(Color.RED).__name__)
print(Color.RED is Color(1), Color.RED == Color.RED, Color.RED != Color.BLUE, hash(Color.RED) == hash(Color.RED))
print([c.name for c in Color], Color.__members__.keys() == {"RED", "GREEN", "BLUE"}, isinstance(Color.RED, Enum))
try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)


class Level(IntEnum):
    LOW = 1
    HIGH = 10


print(Level.LOW < Level.HIGH, Level.HIGH + 1, Level.LOW == 1, int(Level.HIGH), sorted([Level.HIGH, Level.LOW]))
print(f"{Level.HIGH}", str(Level.LOW), repr(Level.LOW), [1, 2, 3][Level.LOW], isinstance(Level.LOW, int))


class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()


rw = Perm.R | Perm.W
print(rw, Perm.R in rw, Perm.X in rw, bool(Perm.R & Perm.X), [p.name for p in Perm], Perm(3), ~Perm.R)


class Mode(IntFlag):
    A = 1
    B = 2
    C = 4


print(Mode.A | Mode.C, int(Mode.A | Mode.B), Mode.B & 6, Mode(5), isinstance(Mode.A | Mode.B, Mode))


@unique
class Planet(Enum):
    MERCURY = (3.303e23, 2.4397e6)
    EARTH = (5.976e24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


print(round(Planet.EARTH.gravity, 2), Planet.MERCURY.mass, Planet.EARTH.value)
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError:", e)
Shape = Enum("Shape", "CIRCLE SQUARE")
print(Shape.SQUARE, Shape.CIRCLE.value, list(Shape))
