def is_prime(n):
    if n < 2:
        return False
    i = 2
    while i * i <= n:
        if n % i == 0:
            return False
        i += 1
    return True
print([n for n in range(60) if is_prime(n)])
sieve = [True] * 200
sieve[0] = sieve[1] = False
for i in range(2, 15):
    if sieve[i]:
        for j in range(i * i, 200, i):
            sieve[j] = False
print(sum([i for i in range(200) if sieve[i]]))
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(1071, 462), gcd(2 ** 100, 6 ** 50))
