# While loops with and/or condition chains.

def main():
    i = 0
    j = 100
    n = 0
    while i < 50 and j > 20 or n < 5:
        i = i + 2
        j = j - 3
        n = n + 1
        if n > 500:
            break
    print(i, j, n)
    a = 0
    b = 0.0
    while (a < 30 or b < 10.0) and not (a == 45):
        a = a + 1
        b = b + 0.25
    print(a, b)
    x = 1
    y = None
    cnt = 0
    while (y is None or y < 1000) and x != 0 and cnt < 100:
        if x > 20:
            y = x * x if y is None else y + x
        x = x + 3
        cnt = cnt + 1
    print(x, y, cnt)


main()
