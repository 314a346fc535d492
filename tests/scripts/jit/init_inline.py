# Class calls whose __init__ is inlined (the instance from a helper, __init__
# like a call): subclasses sharing __init__, an __init__ that raises or
# returns a value on some calls (exits inside it finish the call), a class
# with its own __new__ and one without __init__ (not inlined), and __init__
# rebound on the class halfway.
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Q(P):
    pass

class R:
    def __init__(self, v):
        if v % 50 == 49:
            raise ValueError("bad %d" % v)
        self.v = v
        if v % 70 == 69:
            return None

class S:
    def __init__(self, v):
        self.v = v
        if v == 333:
            return 5

class N:
    def __new__(cls, v):
        o = object.__new__(cls)
        o.w = v * 2
        return o
    def __init__(self, v):
        self.v = v

class E:
    pass

def run(n):
    t = 0
    errs = 0
    out = []
    for i in range(n):
        p = P(i, i + 1) if i % 3 else Q(i, 2)
        t += p.x * p.y
        try:
            r = R(i)
            t += r.v
        except ValueError as e:
            errs += 1
            last = str(e)
        try:
            s = S(i)
        except TypeError as e:
            out.append(str(e))
        m = N(i)
        t += m.w + m.v
        e = E()
        t += 1
        if i == 250:
            P.__init__ = lambda self, x, y: setattr(self, 'x', 0) or setattr(self, 'y', 0)
    return t, errs, last, out

print(run(400))
