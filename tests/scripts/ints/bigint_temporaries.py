# Big-int temporaries: the result of one operation consumed by the next (the
# interpreter may reuse or free its storage). Every value that is named,
# stored, captured or returned must keep its value afterwards.
MASK = 0xFFFFFFFFFFFFFFFF


def lcg(s, n):
    out = []
    for _ in range(n):
        s = (s * 6364136223846793005 + 1442695040888963407) & MASK
        out.append(s)
    return out


def chains(a, b, c):
    r = []
    r.append((a * b + c) & MASK)
    r.append((a * b - c) | 0xF0F0)
    r.append((a * b) ^ (b * c))
    r.append(a * b * c * a * b * c)
    r.append(c - a * b)
    r.append(10 * (c - a * b))
    r.append((3 * a + b) // c if c else 0)
    r.append((3 * a + b) % c if c else 0)
    r.append((a * b) >> 70)
    r.append((a * b) << 5)
    r.append((a + b) & -(1 << 90))
    r.append((a - b) | -(1 << 90))
    r.append((-a * b) ^ -(c * c))
    r.append((a * b) & (b * c))
    r.append(-(a * b) & (b - c * c))
    return r


values = [0, 1, -1, 7, 2**47 - 1, -2**47, 2**47, 2**63 - 1, -2**63, 2**64 - 1, 2**64, -2**64,
          2**127 - 1, -2**127, 2**128 + 3, 3**200, -(5**150), 12345678901234567890123]
total = 0
for a in values:
    for b in values:
        for c in values[::3]:
            for v in chains(a, b, c):
                total = (total * 31 + v) % (2**521 - 1)
print("chains", total)

# Named values keep their values when the same expression shape runs again.
x = 2**100 + 5
y = x * 3 + 1
z = y
w = (y * 7 + 11) & MASK
print(x, y, z, w, y is z)

# A temporary kept in a list, a dict, a closure and a default argument.
keep = []
d = {}
s = 2**64 + 99
for i in range(5):
    t = (s * (i + 3) + 1) & (2**70 - 1)
    keep.append(t)
    d[i] = t * 2 + 1
    s = (s * 6364136223846793005 + i) & MASK
print(keep)
print(sorted(d.items()))


def make(k):
    v = k * k + 1

    def inner():
        return v + 1
    return inner, v


f, v = make(2**80)
print(f(), v, f())


class Box:
    def __init__(self, v):
        self.v = v

    def __mul__(self, other):
        return self.v  # the same object every time

    def __add__(self, other):
        return self.v


box = Box(2**90 + 1)
held = box.v
for i in range(3):
    r = (box * 2) + 2**70
    r2 = (box + 1) * 3
print(held, box.v, r, r2, held is box.v)

print(lcg(42, 5))
print(lcg(2**64 - 1, 3))

# Generators and exceptions between producer and consumer.


def gen(n):
    a = 2**65
    for i in range(n):
        yield (a * i + 1) & MASK


print(list(gen(4)))
try:
    q = (2**100 * 3) // 0
except ZeroDivisionError as e:
    print("zero", e)
u = 2**100
try:
    q = (u * 3) + undefined_name  # noqa: F821
except NameError as e:
    print("name", e)
print(u)

# In-place operators on big ints.
acc = 2**70
acc2 = acc
for i in range(4):
    acc += acc * 3 + i
    acc ^= (acc << 3) & MASK
print(acc, acc2)
lst = [2**64 + 1]
lst[0] *= 2**64
lst[0] += lst[0] * 2
print(lst)

# Big results of operations through inline-range values.
n = 1
for i in range(1, 60):
    n = (n * i + i) | 1
print(n)
print(sum((i * 2**64 + 1) * 3 for i in range(10)))
