import random
for seed in list(range(50)) + [2**31 - 1, 2**32, 2**32 + 1, 2**63, 2**64 + 3, 10**30, -1, -12345, 123456789012345678901234567890]:
    random.seed(seed)
    print(seed, [random.random() for _ in range(5)])
