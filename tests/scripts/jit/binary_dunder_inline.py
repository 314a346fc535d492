# A user class's binary special methods inlined into the loop that uses them
# (`a + b` with a an instance): the method may hand the operator on with
# NotImplemented after a guard inside it fails (the exit finishes the operator
# with b's reflected method, or the TypeError), or return NotImplemented from a
# call the trace does not see through (the guard at its return); a subclass
# on the right goes first; __iadd__ wins over __add__; a rebound __add__, a
# method that raises, and right operands switching between int, float and
# instances.


class U:
    def __init__(self, flag):
        self.flag = flag

    def __radd__(self, other):
        return "U.radd"


def pick(a, b):
    if b.y > 100:
        return NotImplemented
    return V(a.x + b.x, a.y + b.y)


class V:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        if isinstance(o, U):
            if o.flag:
                return NotImplemented
            return V(self.x + 1, self.y)
        if isinstance(o, V):
            return V(self.x + o.x, self.y + o.y)
        return V(self.x + o, self.y + o)

    def __sub__(self, o):
        return pick(self, o)

    def __mul__(self, k):
        if k == 13:
            raise ValueError("unlucky %d" % self.x)
        return V(self.x * k, self.y * k)

    def __repr__(self):
        return "V(%r, %r)" % (self.x, self.y)


class W(V):
    def __radd__(self, o):
        return "W.radd"


class A(V):
    def __iadd__(self, o):
        self.x += 1000
        return self


def hand_on(n):
    out = []
    acc = V(0, 0)
    for i in range(n):
        acc = acc + U(i % 25 == 24)
        if isinstance(acc, str):
            out.append((i, acc))
            acc = V(i, 0)
    return acc, out


def hidden_not_implemented(n):
    out = []
    a = V(1, 1)
    for i in range(n):
        b = V(i, i % 150)
        try:
            r = a - b
            out.append(r.x)
        except TypeError as e:
            out.append(str(e))
    return out[-5:], len(out), sum(1 for x in out if isinstance(x, str)), out[101]


def mixed_right(n):
    s = V(0, 0)
    for i in range(n):
        k = i if i % 3 else 0.5
        s = s + k
        s = s * (2 if i % 7 == 0 else 1)
        if i % 40 == 39:
            s = V(s.x % 1000, s.y % 1000)
    return s


def subclass_right(n):
    out = []
    a = V(1, 2)
    for i in range(n):
        b = W(i, i) if i % 10 == 9 else V(i, i)
        out.append(a + b)
    return [x for x in out if isinstance(x, str)][:2], out[-1]


def inplace(n):
    a = A(0, 0)
    b = V(0, 0)
    for i in range(n):
        a += V(1, 1)
        b += V(1, 1)
    return a, b


def raises(n):
    count = 0
    for i in range(n):
        try:
            V(i, 0) * (13 if i % 17 == 16 else 2)
        except ValueError as e:
            count += 1
            last = str(e)
    return count, last


def rebound(n):
    s = V(0, 0)
    for i in range(n):
        if i == n // 2:
            V.__add__ = lambda self, o: V(self.x - 1, self.y)
        s = s + V(1, 1)
    return s


print(hand_on(300))
print(hidden_not_implemented(400))
print(mixed_right(500))
print(subclass_right(200))
print(inplace(300))
print(raises(400))
print(rebound(400))
