def f(a, b):
    return a + b
def g():
    print(f(1, 2))
    print(f("a", "b"))
    return f(1, "2")
g()
