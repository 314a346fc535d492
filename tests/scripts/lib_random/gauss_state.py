import random
random.seed(8)
a = random.gauss(0, 1)
s = random.getstate()
b = random.gauss(0, 1)
random.setstate(s)
print(a, b, random.gauss(0, 1) == b)
r = random.Random(8)
print(r.gauss(0, 1) == a)
