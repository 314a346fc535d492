# Big-int edges against CPython 3.11: the str/int digit limit at its boundary
# (signs, bases, underscores, printf and format paths), sys.int_info, floor
# division and modulo across signs and sizes, divmod, three-argument pow,
# int <-> float at 2**53 and past the float range, bit operations on
# negative big ints.
import sys

print(sys.int_info)
print(sys.int_info.default_max_str_digits, sys.int_info.str_digits_check_threshold, sys.flags.int_max_str_digits)


def attempt(f):
    try:
        r = f()
        return len(r) if isinstance(r, str) else r % 1000003
    except ValueError as e:
        return "ValueError: %s" % e


# The limit counts digits, not the sign; 4300 passes, 4301 fails.
for n in (4299, 4300, 4301, 5000):
    for sign in ("", "-", "+"):
        print(n, repr(sign), attempt(lambda: int(sign + "7" * n)), attempt(lambda: int(" " + sign + "7" * n + "\n")))
    print(n, attempt(lambda: str(10 ** (n - 1))), attempt(lambda: str(-(10 ** (n - 1)))), attempt(lambda: repr(10 ** (n - 1))))
    print(n, attempt(lambda: "%d" % 10 ** (n - 1)), attempt(lambda: "%i" % -(10 ** (n - 1))), attempt(lambda: "%s" % 10 ** (n - 1)))
    print(n, attempt(lambda: f"{10 ** (n - 1)}"), attempt(lambda: format(10 ** (n - 1), ",")), attempt(lambda: "{:_d}".format(-(10 ** (n - 1)))))
# Underscores are not digits.
print(attempt(lambda: int("1_" * 4300 + "1")), attempt(lambda: int("1_" * 4299 + "1")))
# Only bases that are not powers of two are limited.
for base in (2, 4, 8, 16, 32, 3, 10, 36):
    print(base, attempt(lambda: int("1" * 5000, base)), attempt(lambda: int("-" + "1" * 4301, base)), attempt(lambda: int("1" * 4300, base)))
print(attempt(lambda: int("0x" + "f" * 5000, 0)), attempt(lambda: int("0b" + "1_0" * 3000, 0)), attempt(lambda: int("9" * 4301, 0)))
print(attempt(lambda: int("0o" + "7" * 6000, 0)), attempt(lambda: int("0o" + "7" * 6000, 8)))
print(len(hex(-(10 ** 6000))), len(oct(10 ** 6000)), len(bin(-(10 ** 6000))), len(format(10 ** 6000, "x")), len("%x" % 10 ** 6000))
# Errors for bad text mention the text (shortened by repr only when short).
for text in ("12a", "", " ", "_1", "1__2", "1_", "0x", "0b2", "--1", "1 2", "٣"):
    try:
        print(repr(text), int(text, 0) if text.startswith("0") else int(text))
    except ValueError as e:
        print(repr(text), "ValueError:", e)
for base in (2, 8, 16, 36):
    big = 3 ** 500
    for v in (big, -big):
        s = {2: bin, 8: oct, 16: hex}.get(base)
        text = s(v) if s else None
        if text:
            print(base, int(text, 0) == v, int(text, base) == v, int(text.replace("0", "0_", 3).replace("0_x", "0x").replace("0_o", "0o").replace("0_b", "0b"), 0) == v)
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    m, out = big, []
    while m:
        m, d = divmod(m, base)
        out.append(digits[d])
    text = "".join(reversed(out))
    print(base, int(text, base) == big, int("-" + text.upper(), base) == -big)
# Round trips around the limit.
for n in (4299, 4300):
    v = 10 ** (n - 1) + 12345
    print(int(str(v)) == v, int(str(-v)) == -v, len(str(v)))
old = sys.get_int_max_str_digits()
sys.set_int_max_str_digits(0)
v = 7 ** 20000
print(int(str(v)) == v, len(str(v)), int(str(-v)) == -v)
sys.set_int_max_str_digits(old)

# Floor division and modulo: every sign pairing, small/big mixes, exact and inexact.
big = 10 ** 25 + 7
vals = [1, 7, 2 ** 47 - 1, 2 ** 47, 2 ** 63 - 1, 2 ** 63, 2 ** 64 + 3, big, big * big, 2 ** 127, 2 ** 128 + 1]
for a in vals:
    for b in vals:
        for sa in (1, -1):
            for sb in (1, -1):
                x, y = sa * a, sb * b
                q, r = x // y, x % y
                assert divmod(x, y) == (q, r), (x, y)
                assert q * y + r == x and (r == 0 or (r < 0) == (y < 0)) and abs(r) < abs(y), (x, y)
        print(a % 1000, b % 1000, (a // b) % 1000003, (-a // b) % 1000003, (a % -b) % 1000003, (-a % b) % 1000003)
for x, y in ((-(2 ** 64), 2 ** 64), (2 ** 64, -(2 ** 64)), (-(2 ** 64) + 1, 2 ** 64), (-(2 ** 128), 3), (2 ** 128, -3), (-1, 2 ** 200), (1, -(2 ** 200)), (0, -(2 ** 200)), (-(2 ** 63), -1), (-(2 ** 127), -1)):
    print(x // y, x % y, divmod(x, y))
for x in (0, 5, -5, 2 ** 70, -(2 ** 70)):
    try:
        print(x // 0)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    try:
        print(x % 0)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    try:
        print(divmod(x, 0))
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
# In-place forms on big ints (temporaries reused).
s = 3 ** 300
t = s
s //= 7
s %= 10 ** 40
s -= 2 ** 200
print(s, t == 3 ** 300)

# Three-argument pow.
for a, b, m in ((3, 10 ** 20, 10 ** 9 + 7), (-3, 10 ** 20, 10 ** 9 + 7), (2 ** 100, 2 ** 100, -(10 ** 30 + 3)), (-(2 ** 100), 3, -7), (5, -1, 2 ** 61 - 1), (2 ** 70, -3, 10 ** 20 + 39), (7, 0, 1), (7, 0, -1), (0, 0, 5), (-1, 2 ** 65, 2 ** 64)):
    print(pow(a, b, m))
for a, b, m in ((2, -1, 4), (2, 5, 0), (2 ** 80, -1, 2 ** 81)):
    try:
        print(pow(a, b, m))
    except ValueError as e:
        print("ValueError:", e)

# int <-> float at 2**53 and beyond.
for v in (2 ** 53 - 1, 2 ** 53, 2 ** 53 + 1, 2 ** 53 + 2, 2 ** 53 + 3, 2 ** 54 + 2, 2 ** 54 + 6, 2 ** 64 - 1, 2 ** 64 + 2 ** 11, 2 ** 64 + 2 ** 11 + 1, 2 ** 1023, 2 ** 1024 - 2 ** 970 - 1):
    print(float(v), float(-v), v / 1 == float(v), int(float(v)) - v)
for v in (2 ** 1024, 2 ** 1024 - 2 ** 970 + 2 ** 969, -(2 ** 1024), 10 ** 400):
    try:
        print(float(v))
    except OverflowError as e:
        print("OverflowError:", e)
    try:
        print(v / 3)
    except OverflowError as e:
        print("OverflowError:", e)
    try:
        print(v + 0.5)
    except OverflowError as e:
        print("OverflowError:", e)
for f in (2.0 ** 53, 2.0 ** 53 + 2, 1e300, -1e300, 1.7976931348623157e308, 0.5, -0.5, -1.5, 9007199254740993.0):
    print(int(f), round(f), f == int(f), int(f) == f)
for f in (float("inf"), float("-inf"), float("nan")):
    try:
        print(int(f))
    except (OverflowError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 + 1 > 2.0 ** 53, 2 ** 1024 > 1e308, -(2 ** 1024) < -1e308, 10 ** 400 < float("inf"))
print((10 ** 30) / (10 ** 10), (2 ** 1100) / (2 ** 1000), (-(2 ** 1100)) // (2 ** 1099))

# Bit operations on negative big ints (two's complement, infinite sign extension).
vals = [0, 1, -1, 2 ** 64 - 1, -(2 ** 64), -(2 ** 64) + 1, 2 ** 100 + 5, -(2 ** 100) - 5, -(2 ** 63), 2 ** 63, -(3 ** 80)]
for a in vals:
    print(a & -(2 ** 70), a | -(2 ** 70), a ^ -(2 ** 70), ~a, a >> 3, a >> 64, a >> 200, a << 7, -a & 0xFFFFFFFFFFFFFFFF)
    for b in vals:
        assert (a & b) == ~(~a | ~b) and (a ^ b) == ((a | b) & ~(a & b)), (a, b)
print((-(2 ** 100)).bit_length(), (-(2 ** 100) - 1).bit_length(), (-(2 ** 64)).bit_count(), (2 ** 64 - 1).bit_count())
print((-(2 ** 100)) >> 100, (-(2 ** 100) - 1) >> 100, (-(2 ** 100) + 1) >> 100, -1 >> 10 ** 20, 1 >> 10 ** 20)
