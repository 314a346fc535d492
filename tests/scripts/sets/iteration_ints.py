s = {10, 5, 1, 7, 3}
for x in sorted(s):
    print(x)
print(sum(s), max(s), min(s), sorted(s, reverse=True))
small = {0, 1, 2, 3, 4, 5, 6, 7}
print(small, list(small))
