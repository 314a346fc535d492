# Subclasses of float: construction, __new__/__init__, attributes, operators
# giving exact floats, overrides (__float__, __int__, __round__, __divmod__,
# __format__), conversions, math, struct, complex, copy, __slots__.
class F(float):
    pass
f = F(1.5)
print(f, repr(f), type(f).__name__, isinstance(f, float))
print(f + 1, type(f + 1).__name__)
class G(float):
    def __new__(cls, v, unit="m"):
        o = super().__new__(cls, v)
        o.unit = unit
        return o
    def __repr__(self):
        return f"G({float(self)!r}, {self.unit!r})"
g = G(2.5, "s")
print(g, repr(g), g.unit, g * 2, type(g*2))
print(str(g))
print(hash(F(2.0)) == hash(2.0), F(2.0) == 2, {F(2.0): 1})
print(round(F(2.567), 2), int(F(3.7)), abs(F(-2.0)), -F(2.0), type(-F(2.0)))
print(F("3.25"), F(), float(F(1.0)), type(float(F(1.0))))
print(F.fromhex("0x1p3"), type(F.fromhex("0x1p3")))
print(f.is_integer(), f.as_integer_ratio(), f.hex())
print(max(F(1), F(3)), sorted([F(3), F(1)]))
print(f"{F(3.14159):.2f}", format(F(2.5), "e"))
import math
print(math.sqrt(F(4.0)), math.floor(F(2.5)))
print(F(1.0) < 2, 3 > F(2.0))
class H(float):
    def __add__(self, o):
        return "added"
print(H(1) + 1, 1 + H(1))
print(F.__mro__)
print(f.__class__, F(1.5).real, type(F(1.5).real))
class F(float):
    def __new__(cls, v=0.0):
        return super().__new__(cls, v * 2)
    def __init__(self, v=0.0):
        self.orig = v
f = F(1.25)
print(f, f.orig, F(), type(F()).__name__)
class F2(float):
    def __float__(self): return 99.0
    def __int__(self): return 7
    def __str__(self): return "F2str"
    def __format__(self, spec): return "fmt:" + spec
x = F2(1.5)
print(float(x), int(x), str(x), repr(x), f"{x:>5}", format(x), x + 0)
import math
print(math.floor(F2(2.5)), math.sqrt(F2(4.0)), round(F2(2.5)))
class F3(float):
    def __round__(self, n=None): return "round"
    def __divmod__(self, o): return "dm"
print(round(F3(1.5)), round(F3(1.5), 1), divmod(F3(7.0), 2), divmod(7, F3(2.0)))
print(F3(7.5) // 2, F3(7.5) % 2, F3(2.0) ** 2, 2 ** F3(2.0), divmod(F(3.0), 4))
print(float.__repr__(F(1.0)), float.__add__(F(1.0), 1), F(1.0).__add__(1), F(2.0).__radd__(3))
print(F(1.0).__float__(), type(F(1.0).__float__()), F(1.0).conjugate(), type(F(1.0).conjugate()))
print(bool(F(0.0)), bool(F(0.5)), F(1.5).as_integer_ratio(), F(2.0).is_integer(), F(-0.0))
print(complex(F(1.0)), complex(F(1.0), F(2.0)), F(1.0) + 1j)
import struct
print(struct.pack("<d", F(1.0)))
print("%.2f" % F(1.0), "%d" % F(3.9), "{:.3}".format(F(1.0)))
print(sum([F(1.0), F(2.0)]), min(F(1.0), 2), sorted([F(3.0), 1, F(2.0)]))
class F4(float): pass
print(F4(1.5) < F4(2.5), F4(1.5) == 1.5, F4(float('nan')) != F4(float('nan')), F4("inf"))
try:
    F4("abc")
except ValueError as e:
    print("VE", e)
try:
    F4(1, 2)
except TypeError as e:
    print("TE", e)
print(isinstance(F4(1), float), issubclass(F4, float), F4.__bases__, F4(1).__class__.__name__)
import copy
print(copy.copy(F(1.0)), type(copy.copy(F4(1.0))).__name__, copy.deepcopy(F4(2.0)))
v = F4(1.0); v.a = 3; print(v.__dict__, vars(v))
class Slotted(float):
    __slots__ = ()
sl = Slotted(2.0)
try:
    sl.x = 1
except AttributeError as e:
    print("AE", e)
print(F4(2.5).real, F4(2.5).imag, F4.fromhex("0x1p-1"))

# In a hot loop: operators on subclass instances give exact floats; an
# override stays in force; exact floats keep their fast path.
class Meters(float):
    def __add__(self, other):
        return Meters(float(self) + float(other))
acc = 0.0
m = Meters(0.0)
for k in range(2000):
    acc = acc + F4(0.5) * 2
    m = m + 0.25
    if k % 500 == 0:
        print(type(acc).__name__, type(m).__name__, acc, m)
print(acc, m, type(m).__name__)
