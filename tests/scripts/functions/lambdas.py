sq = lambda x: x * x
add = lambda a, b=10: a + b
print(sq(7), add(1), add(1, 2), (lambda: "no args")())
print(list(map(lambda x: x + 1, [1, 2, 3])))
print(sorted([-3, 1, -2], key=lambda v: abs(v)))
var = lambda *a, **k: (a, k)
print(var(1, 2, z=3))
compose = lambda f, g: lambda x: f(g(x))
print(compose(sq, lambda x: x + 1)(3))
fs = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in fs])
