# int64 edge cases found by the ASan/UBSan build (signed overflow in slicing, shifts, split/replace counts)
M = 2**47
for a in [M-1, -M, 2**63-1, -2**63, 2**62, 2**64, -1, 0, 1, 3]:
    for b in [M-1, -M, 2**63-1, -2**63, 2**62, -1, 1, 2, 63, 64]:
        r = [a + b, a - b, a * b, a & b, a | b, a ^ b, -a, ~a, abs(a)]
        if b: r += [a // b, a % b, divmod(a, b)]
        if 0 <= b < 200: r += [a << b, a >> b, a ** (b % 5)]
        hash(a); hash(a * 1.0)
print(hash(-1), hash(2**61 - 1), hash(-2**61), hash(2**63), hash(1e300), hash(-0.5), hash(float('inf')))
l = list(range(10))
print(l[-2**63:2**63], l[::2**63-1], l[::-2**63], l[2**62::-1], (1,2,3)[-2**70:2**70:2**70], "abc"[::-2**63])
print(int(1e18), int(-9.2e18), int(9.3e18), round(2.5), round(1e300), round(123456789, -20), round(-2**63, -1))
print(1 << 62, -1 << 62, (1 << 47) * (1 << 47), -(2**47) * -1, (-2**63) // -1, (-2**63) % -1, -2**63 * -1)
print(str(-2**63), int("-9223372036854775808"), int("9223372036854775807"), format(-2**63, "x"), format(2**64, "b"))
print("%d %x %o" % (-2**63, -2**63, 2**64), f"{-2**63:,}", f"{-2**47:_}")
print(list(range(-2**63, -2**63 + 2)), l * 0, "ab" * -2**63, [0] * -1, [1] * 0)
print(sum([2**62, 2**62, 2**62]), max(2**63, -2**63), pow(3, 2**63 - 1, 7), pow(-3, 3, -7))
print(float(2**1023), 2**63 / 3, (2**63 - 1) / -1, int(-0.0), -2**63 // 3, 7 // -2**63)
print(sorted([2**63, -2**63, 2**62, 0, -1]), 2**63 == 2.0**63, 2**63 - 1 < 2.0**63, -2**63 == -2.0**63)
print("x".center(2**6), "abc".find("c", -2**63, 2**63), "abc".count("", -2**70))
print([1,2,3].index(3, -2**63, 2**63), (1,2).index(2, -2**70))
import math
print(math.floor(-2.5), math.gcd(-2**63, 6), math.factorial(20), math.isqrt(2**64 - 1), math.comb(70, 35))
print(bin(-2**63), oct(2**64), hex(-(2**47)), (2**63).bit_length(), (-2**63).bit_length())
print(round(0.5 + 2**52), round(-2**62 * 1.0), int(2.0**62), int(-2.0**63), divmod(-7.5, 2), 2**-1, (-8)**(1/3) if False else 0)
t = (1, 2, 3)
print(t[2::2**63-1], t[::-2**63], t[0::2**63], "abcdé"[3::2**63-1], "abc"[1::2**62], l[9::2**63-1], l[-1:-12:-2**63])
l2 = list(range(10)); l2[9::2**63-1] = ["x"]; print(l2)
l2[::-2**63] = ["y"]; print(l2); del l2[::-2**63]; print(l2); del l2[1::2**63-1]; print(l2)
print("abcdef"[::-2**62], "é" * 3, "aé"[::-1], list(reversed("aé")))
