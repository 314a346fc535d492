# Additions and subtractions that cross 2**46 / 2**47 / 2**48 boundaries.

def main():
    for base in (2 ** 46, 2 ** 47, 2 ** 48):
        x = base - 10
        seen = []
        for i in range(20):
            x = x + 1
            seen.append(x - base)
        print(base, x, seen[-1], sum(seen))
    v = 2 ** 47 - 5
    for i in range(12):
        v += 1
        print(v, v - 2 ** 47, v > 2 ** 47)
    w = -(2 ** 47) + 5
    for i in range(12):
        w -= 1
    print(w, w + 2 ** 47)


main()
