# cmath: every function on finite arguments (CPython's algorithms: results
# equal to the last bit), the constants, argument conversion and the errors.
import cmath
import math

vals = [0j, 1 + 0j, -1 + 0j, 1j, -1j, 1 + 1j, -2.5 + 0.5j, 3 - 4j, 0.5 - 0.25j, 1e-320 + 1e-320j,
        1e300 + 1e300j, -1e300 - 5j, 0.71 + 0.1j, 1.2 + 0.9j, 2, -3.5, 1e-5j, 100 + 100j, -0.0 + 0j,
        complex(0.0, -0.0), 800 + 1j, -800 + 2j, complex(1, 1e-170), 1 + 1e-200j]
names = ["sqrt", "exp", "log", "log10", "sin", "cos", "tan", "asin", "acos", "atan",
         "sinh", "cosh", "tanh", "asinh", "acosh", "atanh"]
for n in names:
    f = getattr(cmath, n)
    for v in vals:
        try:
            print(n, v, f(v))
        except (ValueError, OverflowError) as e:
            print(n, v, type(e).__name__, e)

inf, nan = float("inf"), float("nan")
for z in [complex(inf, 0), complex(0, inf), complex(nan, 1), complex(-inf, 2), complex(1, nan), complex(inf, inf)]:
    print(z, cmath.sqrt(z), cmath.exp(z) if z.imag != inf else "-", cmath.log(z), cmath.atanh(z), cmath.asinh(z))

print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj)
print(cmath.phase(-1), cmath.phase(complex(-1, -0.0)), cmath.phase(1j), cmath.polar(3 + 4j), cmath.polar(-2))
print(cmath.rect(2, math.pi / 3), cmath.rect(1, 0), cmath.rect(1, -0.0), cmath.rect(0, 1), cmath.rect(inf, 1))
print(cmath.log(8, 2), cmath.log(1j, 1j), cmath.log(100 + 0j, 10), cmath.log10(1000))
print(cmath.isfinite(1 + 1j), cmath.isfinite(complex(inf, 0)), cmath.isinf(complex(0, -inf)), cmath.isnan(complex(nan, 0)))
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1, 1.1), cmath.isclose(1, 1.1, rel_tol=0.2),
      cmath.isclose(0j, 1e-10j, abs_tol=1e-9), cmath.isclose(complex(inf, 0), complex(inf, 0)))


class HasComplex:
    def __complex__(self):
        return 2j


class HasFloat:
    def __float__(self):
        return 4.0


class HasIndex:
    def __index__(self):
        return 9


print(cmath.sqrt(HasComplex()), cmath.sqrt(HasFloat()), cmath.sqrt(HasIndex()), cmath.sqrt(True))


def show(f):
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(repr(r))


show(lambda: cmath.log(0))
show(lambda: cmath.log(0j, 2))
show(lambda: cmath.log(1, 1))
show(lambda: cmath.atanh(1))
show(lambda: cmath.atanh(-1))
show(lambda: cmath.exp(1000))
show(lambda: cmath.exp(complex(710, 1)))
show(lambda: cmath.cosh(1000))
show(lambda: cmath.sinh(complex(1000, 1)))
show(lambda: cmath.sin(complex(inf, 0)))
show(lambda: cmath.exp(complex(0, inf)))
show(lambda: cmath.polar(complex(1e308, 1e308)))
show(lambda: cmath.rect(1, inf))
show(lambda: cmath.sqrt("x"))
show(lambda: cmath.sqrt(10**400))
show(lambda: cmath.sqrt())
show(lambda: cmath.isclose(1, 2, rel_tol=-1))
show(lambda: cmath.isclose(1, 2, 0.5))
