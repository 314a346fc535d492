# Ints around the machine sizes the runtime computes in without GMP (64 and
# 127 bits, with signs): every operator on every pair must equal CPython's.
vals = []
for e in (0, 1, 46, 47, 48, 62, 63, 64, 65, 126, 127, 128, 129, 200):
    for d in (-1, 0, 1):
        v = 2 ** e + d
        vals.extend((v, -v))
vals = sorted(set(vals))
print(len(vals), "values")
acc = 0
lines = 0
for a in vals:
    for b in vals:
        r = [a + b, a - b, a * b, a & b, a | b, a ^ b, a == b, a < b, a >= b]
        if b:
            r += [a // b, a % b, divmod(a, b)]
        for n in (0, 1, 13, 63, 64, 65, 127, 128):
            r += [a >> n, a << n]
        h = hash(tuple(r)) & 0xFFFFFFFF
        acc = (acc * 31 + h) % 1000000007
        if a in (2 ** 64 - 1, -(2 ** 127) - 1) and b in (3, -(2 ** 63), 2 ** 127 + 1):
            print(a, b, r)
            lines += 1
print("checksum", acc, lines)
mask = 0xFFFFFFFFFFFFFFFF
s = 42
for _ in range(1000):
    s = (s * 6364136223846793005 + 1442695040888963407) & mask
print("lcg", s, hex(s), s >> 60, s % 26, -s // 7, (-s) % 1000)
x = 0x9E3779B97F4A7C15
for _ in range(100):
    x ^= (x << 13) & mask
    x ^= x >> 7
    x ^= (x << 17) & mask
print("xorshift", x, x.bit_length(), str(x * x), int(str(x * x)) == x * x)
