# Booleans used as ints in hot arithmetic, and ints as conditions.

def main():
    t = 0
    for i in range(50):
        t = t + (i % 3 == 0) * 10 + True - (i > 40)
    print(t)
    flags = [True, False, 1, 0, 2, None, 0.0, "", "x"] * 4
    c = 0
    for f in flags:
        if f:
            c = c + 1
    print(c)
    x = True
    for i in range(20):
        x = x + x
    print(x)


main()
