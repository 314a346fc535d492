# cmath on infinite, NaN, signed-zero and extreme arguments: CPython's
# special-value tables (signs of zeros and infinities included), the cases it
# computes from cos/sin of a finite part, and its ValueError/OverflowError
# cases (phase() of an angle that underflows raises; polar() does not).
import cmath
import math

inf, nan = math.inf, math.nan
values = [0.0, -0.0, 2.5, -2.5, inf, -inf, nan, 1e308, 5e-324, 1.0, -4.0]
names = ["sqrt", "exp", "log", "log10", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh",
         "asinh", "acosh", "atanh", "phase", "polar", "isfinite", "isinf", "isnan"]


def fmt(r):
    if isinstance(r, complex):
        return "(%r, %r)" % (r.real, r.imag)
    if isinstance(r, tuple):
        return "(%r, %r)" % r
    return repr(r)


def run(f, *args):
    try:
        return fmt(f(*args))
    except (ValueError, OverflowError) as e:
        return "%s: %s" % (type(e).__name__, e)


for name in names:
    f = getattr(cmath, name)
    print(name, " ".join(run(f, complex(a, b)) for a in values for b in values))
print("rect", " ".join(run(cmath.rect, a, b) for a in values for b in values))
print("log2", " ".join(run(cmath.log, complex(a, b), 2.0) for a in values for b in values))
