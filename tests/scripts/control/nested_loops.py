for i in range(1, 6):
    row = ""
    for j in range(1, 6):
        row += str(i * j).rjust(4)
    print(row)
count = 0
for a in range(1, 20):
    for b in range(a, 20):
        for c in range(b, 30):
            if a * a + b * b == c * c:
                print(a, b, c)
                count += 1
print(count)
