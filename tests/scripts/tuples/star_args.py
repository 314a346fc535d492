def f(*args):
    return args
print(f(), f(1), f(1, 2, 3), type(f()))
t = (4, 5)
print(f(*t), f(0, *t, 6), f(*t, *t))
print((*t, 1), (*"ab", *[1]), [*t, *t])
a, *b = t
print(a, b)
