def pair():
    val = [0]
    n = 0
    def setter(v):
        nonlocal n
        n = v
        val[0] = v * 2
    def getter():
        return n, val[0]
    return setter, getter
s, g = pair()
print(g())
s(7)
print(g())
s(-1)
print(g())
