# Products of megabyte-sized ints (GMP's FFT multiplication, whose temporaries
# point at each other) survive collections running in the middle of them.
x = (1 << (1 << 19)) - 1
y = x
for i in range(12):
    y = y * x + i
print(y.bit_length(), y & 0xFFFFFFFF, (y >> 100000) & 0xFFFF)
