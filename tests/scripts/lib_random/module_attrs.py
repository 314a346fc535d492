import random
names = ['seed', 'random', 'randint', 'randrange', 'choice', 'shuffle', 'uniform', 'getrandbits', 'sample', 'choices',
         'gauss', 'Random', 'getstate', 'setstate', 'randbytes', 'triangular', 'expovariate', 'normalvariate']
print([hasattr(random, n) for n in names])
print(callable(random.random), type(random.Random).__name__)
from random import randint, seed
seed(3)
print(randint(1, 100))
import random as rnd
rnd.seed(3)
print(rnd.randint(1, 100))
