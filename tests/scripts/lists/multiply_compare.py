print([0] * 5, [1, 2] * 3, [] * 10, [1] * 0, [1] * -2, 2 * [7])
grid = [[0] * 3 for _ in range(2)]
grid[0][0] = 1
print(grid)
alias = [[0] * 2] * 2
alias[0][0] = 5
print(alias)
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], [2] > [1, 99], [] < [0])
print([1, 2] == [1, 2], [1, [2, 3]] == [1, [2, 3]], [1, 2] <= [1, 2], [3] >= [3, 0])
print([1, "a"] == [1, "a"], [1, 2] == (1, 2))
try:
    print([1, "a"] < [1, 2])
except TypeError as e:
    print("TypeError:", e)
