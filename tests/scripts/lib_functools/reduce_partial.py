from functools import reduce, partial
print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 10), reduce(max, [3, 9, 2]), reduce(lambda a, b: a + b, [], 0))
print(reduce(lambda acc, s: acc + s.upper(), 'abc', ''), reduce(lambda a, b: [b] + a, [1, 2, 3], []))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print('TypeError', e)
def power(base, exp, mod=None):
    return pow(base, exp, mod) if mod else base ** exp
square = partial(power, exp=2)
cube = partial(power, exp=3)
print(square(5), cube(2), square(3, mod=5), partial(power, 2)(10), partial(partial(power, 3), 4)())
p = partial(power, 2, mod=7)
print(p.func is power, p.args, p.keywords, p(5), type(p).__name__)
print(repr(partial(max, 1, 2, key=abs)).startswith('functools.partial(<built-in function max>, 1, 2, key=abs)'))
print(list(map(partial(int, base=2), ['101', '111'])))
try:
    partial(5)
except TypeError as e:
    print('TypeError', e)
