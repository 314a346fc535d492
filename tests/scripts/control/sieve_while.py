limit = 100
flags = [True] * (limit + 1)
flags[0] = flags[1] = False
p = 2
while p * p <= limit:
    if flags[p]:
        m = p * p
        while m <= limit:
            flags[m] = False
            m += p
    p += 1
primes = [i for i in range(limit + 1) if flags[i]]
print(len(primes), primes)
