# A list shrinking (pop) and being replaced while iterated.

def main():
    lst = list(range(40))
    out = []
    for x in lst:
        out.append(x)
        if x % 4 == 0:
            lst.pop()
    print(out, len(lst))
    a = list(range(30))
    s = 0
    for i in range(30):
        if i == 15:
            a = [100] * 30
        a[i] = a[i] + i
        s = s + a[i]
    print(s, a[:3], a[-3:])
    b = [0] * 10
    for i in range(50):
        b[i % 10] += i
    print(b)


main()
