# Data-driven defaults with keyword calls and int/float/None mixtures.

def scale(x=None, k=None, off=0):
    if x is None:
        x = 0
    if k is None:
        k = 1
    return x * k + off

def main():
    rows = []
    for i in range(120):
        x = None if i % 3 == 0 else (i if i % 2 else i * 0.5)
        k = None if i % 5 == 0 else (2 if i % 7 else -1.5)
        rows.append((x, k))
    tot = 0
    outs = []
    for x, k in rows:
        r = scale(x, k=k, off=1)
        tot = tot + r
        outs.append(r)
    print(tot)
    print(outs[:30])
    print(scale(), scale(k=3), scale(4), scale(x=2, off=-2))


main()
