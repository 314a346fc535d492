# An async comprehension in a plain function.


def f(y):
    return [x async for x in y]
