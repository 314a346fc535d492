# str(x) with one positional argument takes a short path, and repr of inline
# ints formats without an intermediate buffer: both must match CPython at the
# inline-range edges, for bools, subclasses, and with keyword forms.
M = 2**47
for v in [0, 1, -1, 9, 10, -10, M - 1, M, -M, -M - 1, 2**63 - 1, -2**63, 2**64, 10**30, -10**30]:
    print(str(v), repr(v), len(str(v)), str(v) == "%d" % v, f"{v}")
print(str(True), str(False), str(None), str(1.5), str(-0.0), str(1e300), str(float("nan")))
print(str(b"ab"), str("x"), str(), str(object=7), str(b"hi", "ascii"), str(b"hi", encoding="ascii"))

class S(str):
    pass

class I(int):
    def __str__(self):
        return "I!"

class R(int):
    def __repr__(self):
        return "R!"

s = S("sub")
print(type(str(s)).__name__, str(s), str(I(5)), repr(I(5)), str(R(6)), repr(R(6)))

class Bad:
    def __str__(self):
        return 42

try:
    str(Bad())
except TypeError as e:
    print("TypeError:", e)
try:
    str(1, 2, 3, 4)
except TypeError as e:
    print("TypeError:", e)
try:
    str(5, "utf-8")
except TypeError as e:
    print("TypeError:", e)
total = 0
for i in range(-3000, 3000, 7):
    total += len(str(i * 12345)) + len(repr(i))
print(total)
