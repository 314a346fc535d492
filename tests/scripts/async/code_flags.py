# co_flags in CPython's bit values: what inspect.iscoroutinefunction tests.

def f(): pass
def g(*a, **k): yield
async def c(): pass
async def ag(): yield
def outer():
    x = 1
    def inner(): return x
    return inner
print(f.__code__.co_flags, g.__code__.co_flags, c.__code__.co_flags, ag.__code__.co_flags, outer().__code__.co_flags, outer.__code__.co_flags, (lambda: 0).__code__.co_flags)
class K:
    def m(self):
        def n(): pass
        return n
print(K().m().__code__.co_flags, K.m.__code__.co_flags)
print((lambda: (lambda: 0))().__code__.co_flags)
def iscoroutinefunction(fn):
    return bool(fn.__code__.co_flags & 0x80)
def isasyncgenfunction(fn):
    return bool(fn.__code__.co_flags & 0x200)
print([iscoroutinefunction(x) for x in (f, g, c, ag)], [isasyncgenfunction(x) for x in (f, g, c, ag)])
