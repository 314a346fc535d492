import random
random.seed(31337)
print([random.uniform(0, 10) for _ in range(5)], random.uniform(5, 1), random.uniform(2, 2))
print([random.triangular() for _ in range(3)], random.triangular(0, 10), random.triangular(1, 3, 2))
print([random.gauss(0, 1) for _ in range(6)], random.gauss(10, 0.5))
print([random.normalvariate(0, 1) for _ in range(4)], random.lognormvariate(0, 0.5))
print([random.expovariate(1.5) for _ in range(4)], random.paretovariate(2.0), random.weibullvariate(1.0, 1.5))
print(random.randbytes(8), random.randbytes(0), random.randbytes(3).hex())
