def g():
    yield 1
    return "result"
it = g()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print(repr(e.value), e.args)
def inner():
    yield 1
    yield 2
    return 3
def outer():
    r = yield from inner()
    print("inner returned", r)
    yield r * 10
print(list(outer()))
def none_ret():
    yield 1
it = none_ret()
next(it)
try:
    next(it)
except StopIteration as e:
    print(e.value, e.args)
