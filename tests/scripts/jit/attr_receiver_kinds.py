# One attribute site reached by receivers of different kinds: a user
# instance (shape-guarded slot), the class itself, a function with an
# attribute, an exception instance, a module; then an int (AttributeError).
import math


class Thing:
    value = 1

    def __init__(self, v):
        self.value = v


def f():
    pass


f.value = 30


class Oops(Exception):
    pass


e = Oops()
e.value = 400
math_value = math.pi


def total(objs, n):
    t = 0
    for i in range(n):
        t += objs[i % len(objs)].value
    return t


print(total([Thing(5)], 20))
print(total([Thing(5), Thing], 20))
print(total([Thing(5), Thing, f, e], 40))
try:
    print(total([Thing(1), Thing(2), 7], 10))
except AttributeError as err:
    print("AttributeError:", err)


def mod_attr(n):
    s = 0.0
    for i in range(n):
        s += math.pi + math.e * i
    return s


print(mod_attr(30))


def mod_rebind(n):
    s = 0.0
    saved = math.sqrt
    for i in range(n):
        s += math.sqrt(i) + math.e
        if i == n // 2:
            math.sqrt = lambda x: -1.0
            math.e = 100
    math.sqrt = saved
    math.e = 2.718281828459045
    return s


print(mod_rebind(30))
