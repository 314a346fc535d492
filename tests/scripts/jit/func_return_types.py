# A hot function returning different types depending on input.

def conv(i):
    if i % 4 == 0:
        return i
    if i % 4 == 1:
        return i * 0.5
    if i % 4 == 2:
        return None
    return str(i)

def maybe(i):
    if i < 25:
        return i
    return float(i)

def tup(i):
    if i < 20:
        return (i, i)
    return [i, -i]

def main():
    out = []
    for i in range(40):
        r = conv(i)
        if r is None:
            out.append("N")
        elif isinstance(r, str):
            out.append("s" + r)
        else:
            out.append(r + 1)
    print(out)
    t = 0
    for i in range(40):
        t = t + maybe(i)
    print(t, type(t).__name__)
    s = 0
    for i in range(30):
        a, b = tup(i)
        s = s + a - b
    print(s)


main()
