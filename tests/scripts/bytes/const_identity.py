# Equal constants in one code object are one object, as in CPython.
def f():
    a = b"ab"
    b = b"ab"
    return a is b, a.strip() is a, (1, 2) == (1, 2)
print(f())
x = b"xy"
print(x is b"xy", x.strip() is x)
