# Keyword and default arguments in hot calls.

def f(a, b=2, *, c=3, d=None):
    if d is None:
        d = 0
    return a * b + c - d

def g(*args, **kw):
    return len(args) + sum(args) + len(kw)

def h(x, y=[]):
    y.append(x)
    return len(y)

def main():
    s = 0
    for i in range(40):
        s = s + f(i)
        s = s + f(i, 3)
        s = s + f(i, c=1)
        s = s + f(a=i, b=1, d=i)
    print(s)
    t = 0
    for i in range(30):
        t = t + g(i, i + 1, x=1) + g() + g(*[i, i], **{"y": 2, "z": 3})
    print(t)
    for i in range(20):
        r = h(i)
    print(r)


main()
