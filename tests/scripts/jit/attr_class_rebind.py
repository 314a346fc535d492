# Class attributes and methods seen through instances while a trace is live:
# a class attribute rebound, a method replaced on the class or shadowed on
# the instance, a property added to the class over an instance attribute.


class Counter:
    step = 1
    scale = 2.5

    def __init__(self):
        self.n = 0

    def bump(self):
        self.n += self.step
        return self.n


def run(c, n):
    total = 0
    for i in range(n):
        total += c.bump() + c.step
        if i == n // 2:
            Counter.step = 3
    return total


c = Counter()
print(run(c, 40), c.n)
Counter.step = 1


def replace_method(n):
    c = Counter()
    total = 0
    for i in range(n):
        total += c.bump()
        if i == 10:
            Counter.bump = lambda self: -1
        if i == 20:
            c.bump = lambda: 1000
        if i == 25:
            del c.bump
    return total


orig = Counter.bump
print(replace_method(30))
Counter.bump = orig


def float_attr(n):
    c = Counter()
    acc = 0.0
    for i in range(n):
        acc += c.scale * i
        if i == 12:
            c.scale = 1
        if i == 20:
            del c.scale
    return acc


print(float_attr(30))


def prop_over_slot(n):
    c = Counter()
    total = 0
    for i in range(n):
        total += c.n
        c.n = i
        if i == 15:
            Counter.n = property(lambda self: 7, lambda self, v: None)
    return total


print(prop_over_slot(30))
del Counter.n
