# Data-driven None defaults over rows (a small version of bench/data_driven.py).

def fn(v=None, a=None, b=None, c=None, d=None):
    if v is None:
        v = 1.5
    if a is None:
        a = 0.25
    if b is None:
        b = 2.0
    if c is None:
        c = -0.75
    if d is None:
        d = 3.25
    y = v * a + b
    y = y - c * d
    if y < -2.0:
        y = -2.0
    if y > 4.0:
        y = 4.0
    return y

def main():
    state = 12345
    rows = []
    for i in range(300):
        row = []
        for j in range(5):
            state = (state * 1664525 + 1013904223) % 4294967296
            if (state >> 16) & 1:
                row.append(None)
            else:
                state = (state * 1664525 + 1013904223) % 4294967296
                row.append((state >> 12) % 10240 / 1024.0 - 5.0)
        rows.append(row)
    acc = 0.0
    for p in range(3):
        for row in rows:
            acc = acc + fn(*row)
    print(repr(acc))
    print(rows[0], rows[-1])


main()
