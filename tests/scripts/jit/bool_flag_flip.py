# Boolean flags flipping inside a hot loop.

def main():
    flag = False
    on = 0
    off = 0
    for i in range(60):
        if flag:
            on = on + 1
        else:
            off = off + 1
        if i % 7 == 6:
            flag = not flag
    print(on, off, flag)
    done = False
    k = 0
    while not done:
        k = k + 1
        done = k * k > 500
    print(k, done)
    t = True
    cnt = 0
    for i in range(40):
        t = t and i < 30
        if t:
            cnt = cnt + 1
    print(cnt, t)
    b = True
    tot = 0
    for i in range(30):
        tot = tot + b
        b = not b
    print(tot, b)


main()
