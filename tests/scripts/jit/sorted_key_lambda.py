# sorted/min/max with key lambdas in loops, lambdas created per iteration.

def main():
    data = [(i * 17) % 23 for i in range(23)]
    out = []
    for k in range(1, 8):
        out.append(sorted(data, key=lambda x: (x % k, x))[:5])
    print(out)
    m = []
    for k in range(10):
        m.append(max(data, key=lambda x: -abs(x - k)))
    print(m)
    fs = []
    for i in range(5):
        fs.append(lambda y, i=i: y * i)
    print([f(3) for f in fs])


main()
