# map/filter/any/all residual calls in hot loops.

def main():
    t = 0
    for i in range(30):
        t = t + sum(list(map(abs, range(-i, i))))
    print(t)
    c = 0
    for i in range(30):
        c = c + len(list(filter(lambda x: x % 3 == 0, range(i))))
    print(c)
    a = 0
    for i in range(40):
        if any([x > 30 for x in range(i)]):
            a = a + 1
        if all([x < 35 for x in range(i)]):
            a = a + 100
    print(a)


main()
