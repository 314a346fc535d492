import sys
def g():
    try:
        raise KeyError("inside")
    except KeyError:
        yield 1
        print("resumed in handler")
        yield 2
it = g()
print(next(it))
try:
    raise ValueError("outside")
except ValueError:
    print(next(it))
try:
    raise TypeError("t")
except TypeError:
    pass
print(list(it))
