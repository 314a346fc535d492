# Loop variables and loop-carried values read after the loop (exit write-back).

def stop(n):
    t = 0
    u = 0
    for j in range(1000):
        t = t + j
        u = u ^ j
        if t > n:
            break
    return j, t, u

def ret_mid(n):
    x = 0
    y = 1
    for i in range(n):
        x, y = y, x + y
        if x > 10000:
            return i, x, y
    return -1, x, y

def main():
    for i in range(37):
        sq = i * i
        f = i / 4
    print(i, sq, f)
    for v in [1, 2.5, None, "end"]:
        pass
    print(v)
    k = 0
    acc = 0.0
    while k < 123:
        acc = acc + k * 0.5
        k = k + 1
        last = acc
    print(k, acc, last)
    print([stop(n) for n in (10, 100, 1000, 12345)])
    print(ret_mid(5), ret_mid(40))
    for z in range(0):
        pass
    z = 9
    for z in range(0):
        pass
    print(z)


main()
