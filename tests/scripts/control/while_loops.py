i = 0
while i < 5:
    print(i, end=" ")
    i += 1
print()
n = 100
steps = 0
while n > 1:
    n //= 2
    steps += 1
print(steps)
i = 0
while True:
    i += 1
    if i % 2 == 0:
        continue
    if i > 9:
        break
    print(i, end=",")
print()
