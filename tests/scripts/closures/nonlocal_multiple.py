def f():
    a = 1
    b = 2
    def g():
        nonlocal a, b
        a, b = b, a
        a += 10
    g()
    return a, b
print(f())
def outer():
    x = 0
    def mid():
        x = 100
        def inner():
            nonlocal x
            x += 1
            return x
        return inner(), x
    return mid(), x
print(outer())
