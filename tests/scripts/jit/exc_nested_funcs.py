# An exception raised deep inside hot called functions, propagating out of traces.

def check(x):
    if x > 40:
        raise OverflowError("too big: %d" % x)
    return x + 1

def step(x):
    return check(x) * 1

def loop(n):
    t = 0
    for i in range(n):
        t = t + step(i)
    return t

def main():
    print(loop(30))
    try:
        print(loop(60))
    except OverflowError as e:
        print("caught", e)
    print(loop(41))
    res = []
    for n in range(35, 45):
        try:
            res.append(loop(n))
        except OverflowError as e:
            res.append(str(e))
    print(res)


main()
