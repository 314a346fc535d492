# Shifts and bit operations crossing the small-int range.

def main():
    x = 1
    for i in range(70):
        x = x << 1
    print(x)
    y = -1
    for i in range(60):
        y = (y << 1) | 1
    print(y)
    z = 2 ** 60
    for i in range(70):
        z = z >> 1
    print(z)
    m = 0
    for i in range(64):
        m = m | (1 << i)
    print(m, m ^ (m >> 3), m & (2 ** 50 - 1))
    h = 0
    for i in range(100):
        h = (h * 31 + i) & 0xFFFFFFFFFFFF
    print(h)


main()
