import random
for s in [0, 1, -1, 2**40, -2**40, True, False, 1.0, 2.5, -0.5, 1e100]:
    random.seed(s)
    print(repr(s), random.random(), random.randint(0, 999))
random.seed(None)
x = random.random()
print(0.0 <= x < 1.0)
random.seed()
print(0 <= random.randint(0, 10) <= 10)
try:
    random.seed([1, 2])
except TypeError as e:
    print('TypeError', e)
