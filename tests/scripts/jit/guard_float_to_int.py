# Float accumulator that becomes int mid-loop (and a float loop var turning int).

def main():
    acc = 0.0
    for i in range(50):
        if i == 30:
            acc = 7
        acc = acc + i
    print(acc, type(acc).__name__)
    x = 1.5
    n = 0
    while n < 40:
        x = x * 2
        if n == 20:
            x = int(x) // 3
        n = n + 1
    print(x, type(x).__name__, n)
    vals = [0.5] * 15 + [3] * 15
    s = 0.0
    for v in vals:
        s = s * 1 + v
    print(s)


main()
