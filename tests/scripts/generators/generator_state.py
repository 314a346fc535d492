def g():
    print("start")
    x = yield 1
    print("got", x)
    yield 2
    print("end")
it = g()
print("created")
print(next(it))
print(it.send("hello"))
print(list(it))
print(list(it))
def locals_kept(n):
    acc = []
    for i in range(n):
        acc.append(i)
        yield list(acc)
print(list(locals_kept(3)))
def closure_gen():
    k = 10
    def add(x):
        return x + k
    for i in range(3):
        yield add(i)
        k += 1
print(list(closure_gen()))
