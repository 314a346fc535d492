# A loop over values whose type changes from int to float mid-loop.

def run(vals):
    acc = 0
    for v in vals:
        acc = acc + v * 2
        acc = acc - 1
    return acc

def main():
    vals = list(range(20)) + [0.5, 1.5, 2.25] + list(range(5))
    print(run(vals))
    print(run(list(range(30))))
    print(run([1.0] * 10))
    total = 0
    for i in range(40):
        x = i if i < 25 else i + 0.5
        total = total + x
    print(total, i, x)


main()
