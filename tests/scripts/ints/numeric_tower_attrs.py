# int and float as numbers.Integral / numbers.Real: real, imag, numerator,
# denominator, conjugate(), as_integer_ratio(); float.hex() and fromhex().


def show(f):
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(repr(r))


for n in (0, 5, -7, 2**100, -(3**70), True, False):
    print(n.real, n.imag, n.numerator, n.denominator, n.conjugate(), n.as_integer_ratio(),
          type(n.real).__name__, type(n.numerator).__name__, type(n.as_integer_ratio()[0]).__name__)

for x in (0.0, -0.0, 1.5, -2.25, 0.1, 1e300, 5e-324, 2.0**-1074, 1/3, 123456789.125, float("inf"), float("nan")):
    print(x.real, x.imag, x.conjugate(), x.hex(), type(x.imag).__name__)
    if x == x and abs(x) != float("inf"):
        n, d = x.as_integer_ratio()
        print("  ", n, d, n / d == x, float.fromhex(x.hex()) == x)

show(lambda: float("inf").as_integer_ratio())
show(lambda: float("-inf").as_integer_ratio())
show(lambda: float("nan").as_integer_ratio())
for s in ["0x1.8p+0", "1.8p0", "-0x1p-1074", "0x1p-1075", "0x1.0000000000001p0", "0x.8", "0X1P3", "  0x10  ",
          "inf", "-Infinity", "nan", "0x1p1023", "0x1.fffffffffffffp1023", "0xap-2", "0x1.00000000000008p0",
          "0x1.00000000000018p0", "+0x0p0", "-0x0.0p+0"]:
    show(lambda: float.fromhex(s))
for s in ["", "0x", "0xg", "1p", "0x1p+", "1.2.3", "0x1p1024", "0x2p1023", "x1", "0x1 p1"]:
    show(lambda: float.fromhex(s))
show(lambda: float.fromhex(1.5))
show(lambda: (1).conjugate(1))
show(lambda: (1.5).hex(2))
show(lambda: int.real.__get__(7))
print(sum(x.real for x in [1, 2.5, True]), [k.denominator for k in (3, True)])
