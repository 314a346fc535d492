def outer():
    def inner():
        return v
    r = inner.__name__
    v = 1
    return inner
print(outer()())
def outer2():
    def inner():
        return w
    result = inner()
    w = 2
    return result
outer2()
