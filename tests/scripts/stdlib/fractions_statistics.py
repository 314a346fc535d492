# fractions, statistics and decimal (_pydecimal) from CPython's library, over _contextvars.
import contextvars
import decimal
import statistics
from decimal import Decimal, getcontext, localcontext
from fractions import Fraction

a, b = Fraction(3, 4), Fraction("5/6")
print(a + b, a - b, a * b, a / b, a ** 2, -a, abs(-b), a // b, a % b)
print(Fraction(0.125), Fraction("1.25"), Fraction(10, -4), Fraction(3, 4) == 0.75, a < b, a + 1, 2 * a, float(a))
print(repr(a), hash(Fraction(2, 1)) == hash(2), Fraction(355, 113).limit_denominator(10), round(Fraction(7, 3), 2))
print(Fraction(1, 3).numerator, Fraction(1, 3).denominator, Fraction(6, 4).as_integer_ratio(), int(Fraction(7, 2)))
print(sum(Fraction(1, n) for n in range(1, 6)), max(Fraction(1, 3), Fraction(2, 7)), {Fraction(1, 2): "half"}[Fraction(2, 4)])
for bad in ["x", "1/0"]:
    try:
        Fraction(bad)
    except (ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)

data = [2, 4, 4, 4, 5, 5, 7, 9]
print(statistics.mean(data), statistics.median(data), statistics.mode(data), statistics.pstdev(data))
print(round(statistics.stdev(data), 10), round(statistics.variance(data), 10), statistics.median_low([1, 3, 5, 7]),
      statistics.median_high([1, 3, 5, 7]))
print(statistics.mean([Fraction(1, 2), Fraction(1, 3)]), statistics.fmean([1, 2, 3, 4]), statistics.multimode("aabbbcc"))
print(statistics.harmonic_mean([40, 60]), round(statistics.geometric_mean([1, 10, 100]), 6), statistics.quantiles(range(1, 11), n=4))
try:
    statistics.mean([])
except statistics.StatisticsError as e:
    print("StatisticsError", e)

x = Decimal("1.10") + Decimal("2.205")
print(x, repr(x), Decimal("1") / Decimal("7"), Decimal(10) ** -3, Decimal("2").sqrt())
print(Decimal("3.14159").quantize(Decimal("0.01")), Decimal("-0"), Decimal("1e3") == 1000, Decimal(0.5), float(Decimal("2.5")))
with localcontext() as ctx:
    ctx.prec = 5
    print(Decimal(1) / Decimal(3), getcontext().prec)
print(getcontext().prec, Decimal("1") / Decimal("3"))
print(sorted([Decimal("2.5"), Decimal("-1"), Decimal("10")]), Decimal("7.25").as_tuple(), Decimal("NaN").is_nan())
try:
    Decimal("abc")
except decimal.InvalidOperation as e:
    print("InvalidOperation", type(e).__name__)
try:
    Decimal(1) / Decimal(0)
except decimal.DivisionByZero as e:
    print("DivisionByZero", type(e).__name__)

var = contextvars.ContextVar("var", default="dflt")
print(var.name, var.get(), var.get("other"))
token = var.set("one")
print(var.get(), token.var is var, token.old_value is contextvars.Token.MISSING)
ctx = contextvars.copy_context()
print(var in ctx, ctx[var], ctx.get(var), len(ctx) >= 1, list(ctx.keys()) == [k for k in ctx])


def in_context(value):
    var.set(value)
    return var.get()


print(ctx.run(in_context, "two"), var.get(), ctx[var])
var.reset(token)
print(var.get())
try:
    var.reset(token)
except RuntimeError as e:
    print("RuntimeError", str(e).split(" var=")[0])
empty = contextvars.ContextVar("empty")
try:
    empty.get()
except LookupError as e:
    print("LookupError", type(e.args[0]).__name__)
try:
    ctx.run(lambda: ctx.run(print))
except RuntimeError as e:
    print("RuntimeError", str(e).split(":")[0])
print(contextvars.Context().get(var, "none"), contextvars.ContextVar[int] is not None)
