# await inside a comprehension of a plain function.


def f(y):
    return [await x for x in y]
