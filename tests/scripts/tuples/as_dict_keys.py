grid = {}
for x in range(3):
    for y in range(3):
        grid[(x, y)] = x * 3 + y
print(grid[(1, 2)], grid[2, 0], (1, 1) in grid, (5, 5) in grid)
print(sorted(grid.items())[:4])
print(hash((1, 2)) == hash((1, 2)), hash((1, 2)) == hash((2, 1)))
s = {(1, 2), (1, 2), (2, 1)}
print(len(s), sorted(s))
