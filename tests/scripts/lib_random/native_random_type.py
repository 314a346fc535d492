# _random.Random on its own: CPython's argument handling, seeding by
# |int| or hash, getstate/setstate checks, subclassing without random.py.
import _random

R = _random.Random
print(R.__doc__)
print([R(n).random() for n in (0, 1, -1, 5, True, 2**40, -(2**70))])
print(R(2.5).random() == R(2.5).random(), R((1, 2)).random() == R((1, 2)).random())
r = R(3)
print(r.seed(4), r.random() == R(4).random())
r.seed()
print(0 <= r.random() < 1, r.seed(None))
print([R(0).getrandbits(k) for k in (0, 1, 31, 32, 33, 63, 64, 65, 200)])

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

full = tuple(range(624))
attempt(lambda: R(1, 2))
attempt(lambda: R(x=1))
attempt(lambda: R().seed(1, 2))
attempt(lambda: R().seed(a=1))
attempt(lambda: R().seed([1]))
attempt(lambda: R().random(1))
attempt(lambda: R().getstate(1))
attempt(lambda: R().getrandbits())
attempt(lambda: R().getrandbits(-1))
attempt(lambda: R().getrandbits(1.0))
attempt(lambda: R().getrandbits(2**70))
attempt(lambda: R().setstate([1]))
attempt(lambda: R().setstate((1,)))
attempt(lambda: R().setstate(full + (625,)))
attempt(lambda: R().setstate(full + (-1,)))
attempt(lambda: R().setstate((-1,) + full))
attempt(lambda: R().setstate((1.5,) + full))
attempt(lambda: R().setstate(("x",) + full[1:] + (0,)))
attempt(lambda: R.__new__(int))

# State round trip, and words beyond 32 bits truncated as CPython stores them.
a = R(11)
st = a.getstate()
print(type(st).__name__, len(st), st[-1], st[0])
x = [a.random() for _ in range(3)]
a.setstate(st)
print(x == [a.random() for _ in range(3)])
b = R()
b.setstate((2**32 + 5,) + st[1:])
print(b.getstate()[0], b.getstate()[1:] == st[1:])

# __new__ leaves the generator unseeded (zeroed); __init__ seeds.
n = R.__new__(R, 1, 2, x=3)
print(n.random())
R.__init__(n, 5)
print(n.random() == R(5).random())

# Subclasses: attributes, __init__ overrides, keywords allowed only then.
class Plain(R):
    pass

class Own(R):
    def __init__(self, seed, label="own"):
        super().__init__(seed)
        self.label = label

p = Plain(9)
p.extra = 1
print(type(p).__name__, p.random() == R(9).random(), p.extra, vars(p))
attempt(lambda: Plain(x=1))
o = Own(9, label="L")
print(o.label, o.random() == R(9).random(), isinstance(o, R))

class Kw(R):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)

attempt(lambda: Kw(x=1).random() >= 0)
