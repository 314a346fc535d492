def f():
    raise IndexError
f()
