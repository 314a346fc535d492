# Subclasses of int, str, bytes, tuple, list and dict: __new__/__init__
# overrides, extra attributes, operators giving the base type, overrides of
# unary special methods and format().
class I(int):
    def __new__(cls, v, tag="t"):
        o = super().__new__(cls, v)
        o.tag = tag
        return o
i = I(5, "x")
print(i, repr(i), i.tag, i + 1, type(i + 1).__name__, type(-i).__name__, type(+i).__name__, type(abs(i)).__name__)
print(type(i.real).__name__, type(i * 2).__name__, isinstance(i, int), i == 5, hash(i) == hash(5))
class I2(int):
    def __neg__(self): return "neg"
    def __abs__(self): return "abs"
    def __repr__(self): return "I2!"
print(-I2(3), abs(I2(3)), I2(3), str(I2(3)), f"{I2(3)}", "%d" % I2(3), "%s" % I2(3), "%r" % I2(3))
class S(str):
    def __init__(self, v):
        self.n = len(v)
    def shout(self): return self.upper() + "!"
s = S("hey")
print(s, repr(s), s.n, s.shout(), type(s + "x").__name__, type(s.upper()).__name__, type(s[0]).__name__, s == "hey", {s: 1}["hey"])
class B(bytes):
    pass
b = B(b"ab")
print(b, type(b + b"c").__name__, b[0], isinstance(b, bytes), len(b))
class T(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def first(self): return self[0]
t = T(1, 2)
print(t, t.first, type(t + (3,)).__name__, type(t[:1]).__name__, t == (1, 2), len(t), hash(t) == hash((1, 2)))
class L(list):
    def __init__(self, *a):
        super().__init__(a)
        self.extra = 1
l = L(1, 2, 3)
print(l, l.extra, type(l + [4]).__name__, type(l[:2]).__name__, type(l * 2).__name__, repr(l))
l.append(4); print(l, len(l))
class D(dict):
    def __missing__(self, k): return k * 2
d = D(a=1)
print(d, d["a"], d["zz"], type(d.copy()).__name__, isinstance(d, dict), repr(d))
class SI(int):
    __slots__ = ()
class SS(str):
    __slots__ = ("a",)
si, ss = SI(2), SS("x")
ss.a = 1
print(ss.a, hasattr(si, "__dict__"), hasattr(ss, "__dict__"), hasattr(I(1), "__dict__"))
for obj, name in ((si, "x"), (ss, "b")):
    try:
        setattr(obj, name, 1)
    except AttributeError as e:
        print("AE", e)
class Bad(int):
    def __float__(self):
        return "no"
try:
    float(Bad(1))
except TypeError as e:
    print("TE", e)
class BadF(float):
    def __float__(self):
        return 1
try:
    float(BadF(1))
except TypeError as e:
    print("TE", e)
try:
    float.__new__(int, 1.0)
except TypeError as e:
    print("TE", e)
try:
    float.__new__(BadF, "x")
except ValueError as e:
    print("VE", e)
class M(map):
    pass
m = M(str, [1, 2])
print(list(m), type(m).__name__)
class Z(zip): pass
print(list(Z([1],[2])))
class E(enumerate): pass
print(list(E("ab")))
class R(reversed): pass
print(list(R([1,2])))
from collections import namedtuple
P = namedtuple("P", "x y")
class P2(P):
    def norm(self): return self.x**2 + self.y**2
p = P2(3, 4)
print(p, p.norm(), p._replace(x=1), type(p._replace(x=1)).__name__, p._asdict())
class FS(frozenset): pass
print(FS([1,2]) | {3}, type(FS([1])|{3}).__name__)
class Se(set):
    def add(self, x): super().add(x * 2)
s = Se(); s.add(2); print(s)
class BA(bytearray): pass
b = BA(b"xy"); b.append(65); print(b, type(b).__name__)
class C(complex): pass
c = C(1, 2); print(c, c + 1, type(c + 1).__name__, c.real)
class O(object): pass
class It(int):
    def __index__(self): return 3
print([1,2,3,4][It(1)], bin(It(5)), hex(It(255)))
print(str(I := It(7)), int(I) + 1)
class Upper(map):
    def __next__(self):
        return super().__next__().upper()
print(list(Upper(str, "ab")), [x for x in Upper(lambda c: c * 2, "xy")])
class Counted(enumerate):
    def __init__(self, it, start=0):
        self.seen = 0
    def __next__(self):
        self.seen += 1
        return super().__next__()
ce = Counted("abc", 1)
print(list(ce), ce.seen, isinstance(ce, enumerate), type(ce).__name__)
class RL(reversed): pass
print(type(RL([1, 2])).__name__, list(RL((1, 2))), type(RL((1, 2))).__name__)
class Buf(bytearray):
    def __init__(self, n):
        super().__init__(b"x" * n)
        self.n = n
bb = Buf(3)
bb.extend(b"yz")
print(bb, bb.n, len(bb), bytes(bb), bb == b"xxxyz", bb.upper(), type(bb.upper()).__name__)
class Cz(complex):
    def __init__(self, *a):
        self.note = "n"
cz = Cz(3, 4)
print(cz, abs(cz), cz.note, cz.imag, type(-cz).__name__, cz == complex(3, 4), repr(Cz()))
class Filt(filter): pass
print(list(Filt(None, [0, 1, 2])), list(Z("ab", "cd", strict=True)))
