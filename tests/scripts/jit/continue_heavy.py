# Loops with many continue paths.

def main():
    s = 0
    c = 0
    for i in range(200):
        if i % 2 == 0:
            continue
        if i % 3 == 0:
            continue
        if i % 5 == 0:
            c = c + 1
            continue
        s = s + i
    print(s, c, i)
    j = 0
    k = 0
    while j < 100:
        j = j + 1
        if j & 4:
            continue
        k = k + j
    print(j, k)


main()
