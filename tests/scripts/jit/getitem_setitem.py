# get/set item with ints, negative indices and slices in hot loops.

def main():
    a = list(range(20))
    for i in range(60):
        a[i % 20] = a[(i + 7) % 20] + a[-1 - i % 20]
    print(a)
    m = [[0] * 5 for _ in range(5)]
    for i in range(25):
        m[i // 5][i % 5] = i * i
    print(m)
    s = "abcdefghij"
    out = ""
    for i in range(30):
        out = out + s[i % 10] + s[-(i % 10) - 1]
    print(out)
    t = (1, 2, 3)
    tot = 0
    for i in range(-3, 3):
        tot = tot + t[i]
    print(tot)
    try:
        for i in range(50):
            a[i] = i
    except IndexError as e:
        print("IndexError", e, i)


main()
