# Repeated doubling overflows the small-int range mid-loop.

def main():
    x = 1
    for i in range(100):
        x = x * 2
    print(x, i)
    y = 1
    for i in range(70):
        y = y + y
        if i in (45, 46, 47, 48, 60):
            print(i, y)
    print(y)
    z = 3
    n = 0
    while z < 10 ** 30:
        z = z * 3 + 1
        n = n + 1
    print(z, n)


main()
