# Negative overflow mid-loop, negation and multiplication by negatives.

def main():
    x = -1
    for i in range(80):
        x = x * 2
    print(x)
    y = -5
    for i in range(60):
        y = y * -3
        if i % 10 == 9:
            print(i, y)
    z = 0
    for i in range(40):
        z = z - 2 ** 45
    print(z)
    a = 2 ** 46
    for i in range(20):
        a = -a
        a = a - 1
    print(a)


main()
