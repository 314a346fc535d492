# Local values must be exact when an exception leaves compiled code.

def run(n):
    a = 0
    b = 0.0
    c = 1
    i = 0
    try:
        for i in range(n):
            a = a + i
            b = b + 0.5
            c = c * 3
            if i == 40:
                c = [1][i]
    except IndexError:
        return ("exc", a, b, c % 1000003, i)
    return ("ok", a, b, c % 1000003, i)

def main():
    print(run(30))
    print(run(60))
    x = 0
    y = 0
    try:
        while True:
            x = x + 1
            y = y + x * x
            z = 100 // (50 - x)
    except ZeroDivisionError:
        pass
    print(x, y, z)


main()
