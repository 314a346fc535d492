a, b = 0, 1
for i in range(300):
    a, b = b, a + b
print(a)
print(a % 10 ** 9, a // 10 ** 50)
fibs = [0, 1]
while len(fibs) < 100:
    fibs.append(fibs[-1] + fibs[-2])
print(fibs[99], fibs[50])
print(sum(fibs))
