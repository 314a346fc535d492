out = []
for i in range(20):
    if i % 3 == 0:
        continue
    if i > 14:
        break
    out.append(i)
print(out)
for i in range(3):
    for j in range(3):
        if j == 2:
            break
        if i == 1:
            continue
        print(i, j)
found = None
for row in [[1, 2], [3, 4], [5, 6]]:
    for v in row:
        if v == 4:
            found = v
            break
    if found is not None:
        break
print(found, row)
