print(5 & 3, 5 | 3, 5 ^ 3, ~5)
print(1 << 10, 1024 >> 3, -1 >> 10, -16 >> 2)
print(1 << 100)
print((1 << 100) >> 99)
print(-5 & 0xFF, -5 | 2, -5 ^ -1)
print((2 ** 70 + 5) & (2 ** 70 + 3))
print((2 ** 70) | 1, (2 ** 70) ^ (2 ** 70 + 7))
print(~(2 ** 80))
print(-(2 ** 70) >> 3, -(2 ** 70) & 0xFFFF)
print(0xDEADBEEF & 0xFFFF, 0xDEADBEEF >> 16)
x = 0
for i in range(0, 64, 3):
    x |= 1 << i
print(x, bin(x))
print((255).bit_length(), (256).bit_length(), (0).bit_length(), (-255).bit_length())
