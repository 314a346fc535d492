def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
print(fact(20))
print(fact(30))
print(fact(52))
print(fact(100))
print(len(str(fact(200))))
print(fact(25) // fact(23))
print(fact(40) % 1000000007)
