# Exceptions raised at the bottom of a hot recursion.

def down(n, limit):
    if n > limit:
        raise ValueError("depth %d" % n)
    if n == 0:
        return 0
    return down(n - 1, limit) + 1

def walk(n):
    try:
        if n == 0:
            raise KeyError(n)
        return walk(n - 1) + 1
    finally:
        pass

def main():
    res = []
    for k in range(30):
        try:
            res.append(down(k, 20))
        except ValueError as e:
            res.append(str(e))
    print(res)
    c = 0
    for k in range(20):
        try:
            walk(k)
        except KeyError:
            c = c + 1
    print(c)


main()
