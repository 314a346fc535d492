def gen(n):
    for i in range(n):
        yield i * i
print(list(gen(5)))
g = gen(3)
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.args)
print(next(g, "done"))
def empty():
    return
    yield
print(list(empty()))
print(type(gen(1)).__name__, gen.__name__)
