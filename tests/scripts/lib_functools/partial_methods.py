from functools import partial
def greet(greeting, name, punct='!'):
    return '%s, %s%s' % (greeting, name, punct)
hello = partial(greet, 'Hello')
print(hello('Ann'), hello('Bob', punct='?'), hello(name='Cy'))
funcs = [partial(pow, 2), partial(pow, exp=2)]
print(funcs[0](10), funcs[1](7))
sort_desc = partial(sorted, reverse=True)
print(sort_desc([3, 1, 2]), sort_desc('bca'))
adders = [partial(lambda a, b: a + b, i) for i in range(3)]
print([f(10) for f in adders])
