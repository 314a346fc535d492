# Repeated loads around stores through aliases (CSE/LICM must respect stores).

def poke(lst, i):
    lst[0] = i

def main():
    a = [1, 2, 3, 4]
    b = a
    tot = 0
    for i in range(50):
        x = a[1]
        b[1] = b[1] + 1
        y = a[1]
        tot = tot + y - x
    print(tot, a)
    c = [0, 0]
    s = 0
    for i in range(40):
        s = s + c[0]
        poke(c, i)
        s = s + c[0]
    print(s, c)
    d = {"k": 0}
    e = d
    t = 0
    for i in range(30):
        t = t + d["k"]
        e["k"] = i
    print(t)
    n = [5]
    cnt = 0
    for i in range(30):
        if len(n) < 20:
            n.append(i)
        cnt = cnt + len(n)
    print(cnt)


main()
