def make_adder(n):
    def add(x):
        return x + n
    return add
add5 = make_adder(5)
print(add5(1), make_adder(-1)(1))
def twice(f):
    return lambda x: f(f(x))
print(twice(add5)(0), twice(twice(add5))(0))
def my_map(f, xs):
    return [f(x) for x in xs]
def my_filter(p, xs):
    return [x for x in xs if p(x)]
def my_reduce(f, xs, init):
    acc = init
    for x in xs:
        acc = f(acc, x)
    return acc
print(my_map(add5, [1, 2]), my_filter(lambda x: x % 2, range(7)), my_reduce(lambda a, b: a * b, range(1, 6), 1))
