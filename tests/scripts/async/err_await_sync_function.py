# await in a plain function.


def f():
    return await g()
