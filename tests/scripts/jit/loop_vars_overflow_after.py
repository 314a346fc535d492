# Values that overflow to big ints right before the loop exits.

def grow(n):
    x = 1
    i = 0
    while i < n:
        x = x * 7
        i = i + 1
    return x, i

def main():
    for n in (10, 17, 18, 19, 25, 40):
        print(n, grow(n))
    for i in range(60):
        v = 2 ** i + i
    print(v, i)
    y = 2 ** 46 - 3
    for i in range(6):
        y = y + 1
    print(y, y == 2 ** 46 + 3)


main()
