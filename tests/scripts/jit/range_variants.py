# for loops over ranges with negative steps, big bounds and empty ranges.

def main():
    s = 0
    for i in range(100, -50, -7):
        s = s + i
    print(s, i)
    t = 0
    for i in range(2 ** 47 - 5, 2 ** 47 + 5):
        t = t + (i - 2 ** 47)
    print(t, i)
    u = 0
    for i in range(-(2 ** 48), -(2 ** 48) + 30, 3):
        u = u + i % 7
    print(u, i)
    k = 0
    for i in range(10, 0):
        k = k + 1
    print(k)
    w = 0
    for i in range(0, 300, 13):
        w = w ^ i
    print(w, i)


main()
