import random
random.seed(2024)
for k in [0, 1, 2, 7, 8, 31, 32, 33, 47, 48, 63, 64, 65, 96, 100, 128, 129, 200, 1000]:
    print(k, random.getrandbits(k))
for seed in range(20):
    random.seed(seed)
    print(seed, [random.getrandbits(k) for k in (3, 17, 32, 40, 70)])
try:
    random.getrandbits(-1)
except ValueError as e:
    print('ValueError', e)
