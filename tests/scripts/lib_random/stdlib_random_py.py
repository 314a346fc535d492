# CPython's own random.py on the native _random: every seed kind, every
# method and distribution drawing the same words as CPython 3.11.
import random, copy, pickle, _random

def show(label, xs):
    print(label, [round(x, 12) if isinstance(x, float) else x for x in xs])

for s in [0, 1, 12345, -12345, 2**32, 2**32 - 1, 2**64 + 7, -(2**100) - 3, 3**200, 1.5, -2.25, 0.0,
          "some string", "", "ünïcode", b"bytes", bytearray(b"ba"), True]:
    random.seed(s)
    print(repr(s)[:30], random.random(), random.getrandbits(40))

random.seed(2023)
show("randint", [random.randint(-5, 5) for _ in range(15)])
show("randrange", [random.randrange(100) for _ in range(8)] + [random.randrange(3, 50, 7) for _ in range(8)]
     + [random.randrange(50, 3, -4) for _ in range(8)] + [random.randrange(10**30) for _ in range(3)])
show("choice", [random.choice("abcdefg") for _ in range(10)] + [random.choice(range(1000)) for _ in range(5)])
show("choices", random.choices("abc", k=10))
show("weights", random.choices("abcd", weights=[1, 0, 5, 2.5], k=10))
show("cum_weights", random.choices(range(4), cum_weights=[1, 2, 10, 11], k=10))
xs = list(range(20)); random.shuffle(xs); show("shuffle", xs)
show("sample", random.sample(range(100), 10))
show("sample big", random.sample(range(10**6), 5))
show("sample counts", random.sample(["red", "blue"], counts=[4, 2], k=5))
show("sample set-path", random.sample(range(10000), 30))
show("uniform", [random.uniform(-3, 7) for _ in range(4)])
show("triangular", [random.triangular(), random.triangular(0, 10, 2), random.triangular(5, 5, 5)])
show("gauss", [random.gauss(1, 2) for _ in range(5)])
show("normalvariate", [random.normalvariate(0, 1) for _ in range(4)])
show("lognormvariate", [random.lognormvariate(0, 0.5) for _ in range(4)])
show("expovariate", [random.expovariate(1.5) for _ in range(4)])
show("vonmisesvariate", [random.vonmisesvariate(1, 4) for _ in range(4)] + [random.vonmisesvariate(1, 1e-7)])
show("gammavariate", [random.gammavariate(a, 2) for a in (0.5, 1.0, 3.0, 7.5)])
show("betavariate", [random.betavariate(2, 5) for _ in range(4)])
show("paretovariate", [random.paretovariate(3) for _ in range(4)])
show("weibullvariate", [random.weibullvariate(1, 1.5) for _ in range(4)])
show("randbytes", [random.randbytes(5), random.randbytes(0)])
show("getrandbits", [random.getrandbits(k) for k in (0, 1, 32, 33, 64, 65, 1000)])

# getstate / setstate round trip, gauss_next included.
random.seed(99)
random.gauss()
st = random.getstate()
a = [random.random(), random.gauss(), random.randint(1, 10**20)]
random.setstate(st)
print(a == [random.random(), random.gauss(), random.randint(1, 10**20)], st[0], len(st[1]), st[1][-1])

# Instances are independent of the module's and of each other.
r1, r2 = random.Random(5), random.Random(5)
random.seed(5)
print(r1.random() == random.random(), r1.random() == r2.random(), r2.random() == random.random())

# A subclass with its own random(): _randbelow then uses random() only.
class Mine(random.Random):
    def random(self):
        return 0.5
m = Mine(1)
print(m._randbelow.__name__, m.randrange(10), m.choice("abcd"), m.randint(0, 100), m.uniform(2, 4))

class Bits(random.Random):
    def getrandbits(self, k):
        return (1 << k) - 1 >> 1
print(Bits()._randbelow.__name__, Bits().randrange(10))

# copy and pickle keep the state (random.py's __reduce__ / __setstate__).
r = random.Random("copied")
r.random()
c = copy.copy(r)
d = copy.deepcopy(r)
p = pickle.loads(pickle.dumps(r))
print(type(p).__name__, [x.random() for x in (r, c, d, p)])

# The C type underneath.
R = _random.Random
print(R.__module__, R.__name__, issubclass(random.Random, R), R(7).random() == random.Random(7).random())
print(sorted(k for k in vars(R) if not k.startswith("__")), len(R(1).getstate()))
print(random.SystemRandom().getrandbits(8) < 256, isinstance(random.SystemRandom(), R))
