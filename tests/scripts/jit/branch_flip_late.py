# A branch taken one way for many iterations, then the other way.

def classify(n, limit):
    c1 = 0
    c2 = 0
    for i in range(n):
        if i < limit:
            c1 = c1 + i
        else:
            c2 = c2 + i * 2
    return c1, c2

def main():
    print(classify(100, 80))
    print(classify(100, 5))
    print(classify(100, 100))
    print(classify(10, 0))
    i = 0
    s = 0
    while i < 200:
        if i > 150:
            s = s - i
        else:
            s = s + i
        i = i + 1
    print(s, i)


main()
