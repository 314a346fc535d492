# The builtin iterators' __next__/__iter__ called as methods, bound and unbound.
for make in (lambda: iter(range(4)), lambda: iter(range(10**20, 10**20 + 3)), lambda: iter([5, 6]),
             lambda: iter("ab"), lambda: iter((1, 2)), lambda: iter({1: 2, 3: 4}), lambda: iter({7, 8}),
             lambda: iter({1: 2, 3: 4}.items()), lambda: enumerate("xy"), lambda: zip("ab", "cd"),
             lambda: map(abs, [-1, -2]), lambda: reversed([1, 2])):
    it = make()
    print(type(it).__name__, it.__next__(), it.__iter__() is it)
    it = make()
    f = it.__next__
    print(f(), type(it).__next__(it))
it = iter([])
try:
    it.__next__()
except StopIteration as e:
    print("StopIteration", e.args)
