a = [10, 20, 30]
for x in a:
    print(x)
for i, x in enumerate(a):
    print(i, x)
for i, x in enumerate(a, 1):
    print(i, x)
print(20 in a, 25 in a, 25 not in a)
total = 0
for x in a:
    total += x
print(total)
b = [1, 2, 3]
for x in b:
    if x == 2:
        b.append(4)
print(b)
