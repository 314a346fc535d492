# Triple nested loops with breaks and continues.

def main():
    count = 0
    best = None
    for i in range(12):
        for j in range(12):
            if j > i:
                break
            for k in range(12):
                if (i + j + k) % 3 == 0:
                    continue
                count = count + 1
                if i * j * k == 60:
                    best = (i, j, k)
    print(count, best, i, j, k)
    m = [[i * j for j in range(8)] for i in range(8)]
    s = 0
    for row in m:
        for v in row:
            s = s + v
    print(s)


main()
