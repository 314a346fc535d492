import random
random.seed(77)
for bits in [10, 31, 32, 33, 48, 53, 63, 64, 65, 100, 300]:
    n = 2 ** bits
    print(bits, random.randrange(n), random.randrange(n - 1), random.randrange(n + 1), random.randint(-n, n))
print(random.randrange(-10**20, 10**20, 3))
print(random.sample(range(2**40), 4))
