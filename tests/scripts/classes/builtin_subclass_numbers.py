# Subclasses of int (as re's _NamedIntConstant and enum's IntEnum/IntFlag).
class Named(int):
    def __new__(cls, value, name):
        self = super(Named, cls).__new__(cls, value)
        self.name = name
        return self

    def __repr__(self):
        return self.name

    __str__ = __repr__


five = Named(5, "FIVE")
zero = Named(0, "ZERO")
big = Named(2**70, "BIG")
print(five, repr(five), five + 1, five * 2, 7 - five, five // 2, five % 3, five ** 2, -five, abs(Named(-3, "m")))
print(five == 5, 5 == five, five != 5, five < 6, hash(five) == hash(5), {five: "x"}[5], {5: "y"}[five])
print(bool(zero), bool(five), zero.name, int(five), type(int(five)).__name__, type(five + 0).__name__)
print(f"{five:03d}", "%d" % five, "%s" % five, format(five, "x"), range(10)[five], [0, 1, 2, 3, 4, 5, 6][five])
print(big, big > 2**69, int(big) == 2**70, big - 2**70, isinstance(five, int), issubclass(Named, int))
print(five & 4, five | 2, five ^ 1, five << 2, five >> 1, ~five, five.bit_length(), int.__index__(five))
print(sorted([Named(3, "c"), Named(1, "a"), Named(2, "b")]), max(five, 3), sum([five, five]))


class Flag(int):
    def __or__(self, other):
        return Flag(int(self) | int(other))

    def __repr__(self):
        return f"Flag({int(self)})"


print(Flag(1) | Flag(2), Flag(1) | 4, 4 | Flag(1), Flag(3) & 1)
print(int.__add__(2, 3), int.__add__(2, "x"), int.__radd__(2, 3), int.__eq__(1, 1), int.__lt__(1, 2))


class Celsius(int):
    unit = "C"

    def describe(self):
        return f"{int(self)}{self.unit}"


t = Celsius(21)
t.note = "room"
print(t.describe(), t.note, t.unit, Celsius("12"), Celsius(3.9), Celsius(), t.__class__.__name__)
