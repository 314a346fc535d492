import random
random.seed(20240601)
acc = 0
hist = [0] * 10
for i in range(20000):
    v = random.randrange(10)
    hist[v] += 1
    acc = (acc * 31 + random.getrandbits(32)) % 1000000007
print(hist, acc)
total = 0.0
for i in range(5000):
    total += random.random()
print(repr(total))
print([random.randint(0, 10**12) for _ in range(10)])
