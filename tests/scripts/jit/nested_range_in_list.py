# Nested loops: inner over range, outer over a list.

def main():
    rows = [3, 7, 1, 12, 0, 5, 9, 2, 30, 4]
    tot = 0
    for r in rows:
        for j in range(r):
            tot = tot + j * r
    print(tot, r, j)
    grid = []
    for a in [1, 2, 3, 4, 5, 6]:
        line = 0
        for b in range(a, 20):
            line = line + a * b
        grid.append(line)
    print(grid)


main()
