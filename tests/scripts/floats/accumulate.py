s = 0.0
for i in range(1, 1001):
    s += 1.0 / i
print(s)
p = 1.0
for i in range(1, 30):
    p *= 1.1
print(p)
acc = 0.0
for i in range(10):
    acc += 0.1
print(acc, acc == 1.0)
print(sum([0.1] * 10))
x = 1.0
for _ in range(60):
    x /= 2
print(x)
y = 2.0
for _ in range(5):
    y = y * y
print(y)
