# sum() of list comprehensions inside a loop.

def main():
    tot = 0
    for i in range(40):
        tot = tot + sum([j * j for j in range(i)])
    print(tot)
    ft = 0.0
    for i in range(30):
        ft = ft + sum([x * 0.5 for x in range(i) if x % 3])
    print(ft)
    res = []
    for k in range(20):
        res.append(len({x % (k + 1) for x in range(50)}))
    print(res)
    d = [sum([a * b for a, b in zip(range(k), range(k, 0, -1))]) for k in range(25)]
    print(d)


main()
