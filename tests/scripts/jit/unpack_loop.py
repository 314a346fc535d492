# Tuple/list unpacking in loops.

def main():
    pairs = [(i, i * i) for i in range(30)]
    a = 0
    b = 0
    for x, y in pairs:
        a = a + x
        b = b + y
    print(a, b, x, y)
    x, y = 0, 1
    for i in range(50):
        x, y = y, x + y
    print(x, y)
    trips = [[i, -i, i * 0.5] for i in range(25)]
    s = 0.0
    for p, q, r in trips:
        s = s + p * q + r
    print(s)
    first = []
    for h, *rest in [(1, 2, 3), (4, 5), (6,)] * 5:
        first.append((h, len(rest)))
    print(first)
    try:
        for u, v in [(1, 2)] * 10 + [(1, 2, 3)]:
            pass
    except ValueError as e:
        print("ValueError", e, u, v)


main()
