# f(*args) residual calls in hot loops.

def f3(a, b, c):
    return a * 100 + b * 10 + c

def main():
    rows = [[i % 10, (i * 3) % 10, (i * 7) % 10] for i in range(50)]
    t = 0
    for r in rows:
        t = t + f3(*r)
    print(t)
    tuples = [(i, i + 1, i + 2) for i in range(30)]
    s = 0
    for tt in tuples:
        s = s + f3(*tt) + max(*tt)
    print(s)
    try:
        for r in rows + [[1, 2]]:
            f3(*r)
    except TypeError as e:
        print("TypeError", e)


main()
