# Alternating branches: the cold side becomes a bridge.

def main():
    a = 0
    b = 0
    for i in range(100):
        if i % 2 == 0:
            a = a + i
        else:
            b = b - i
    print(a, b)
    x = 0.0
    for i in range(100):
        if i & 1:
            x = x + 0.5
        else:
            x = x * 1.01
    print(x)


main()
