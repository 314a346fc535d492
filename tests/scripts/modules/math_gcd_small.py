# math.gcd: inline ints take a fast path without GMP; mixed with big ints,
# bools and bad types it must agree with CPython (also in a hot loop).
import math

print(math.gcd(), math.gcd(0), math.gcd(-12, 18), math.gcd(12, -18, 8), math.gcd(0, 0))
print(math.gcd(2**47, 2**46 * 3), math.gcd(-2**47, 6), math.gcd(2**47 - 1, 2**47 - 1))
print(math.gcd(2**80, 2**47), math.gcd(6, 2**70, 4), math.gcd(2**70, 6), math.gcd(True, 4), math.gcd(5, True))
print(type(math.gcd(4, 6)).__name__, math.gcd(-7))
for bad in [(1.0, 2), (2, "x"), (2, 4, None)]:
    try:
        math.gcd(*bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    math.gcd(a=1)
except TypeError as e:
    print("TypeError:", e)

count = 0
total = 0
for m in range(1, 120):
    for n in range(-60, 60):
        g = math.gcd(m * 1000003, n)
        total += g
        if g == 1:
            count += 1
print(count, total)
k = 2**45
for step in range(8):  # crosses the inline range
    print(math.gcd(k, 3 * 2**40), end=" ")
    k *= 2
print()
