# Type names, reprs and introspection attributes of coroutines and async generators.


def clean(s):
    head, sep, tail = s.partition(" at 0x")
    return head + (sep + "ADDR>" if sep else "")


async def coro_fn():
    return 1


async def agen_fn():
    yield 1


class K:
    async def method(self):
        pass

    async def agen_method(self):
        yield


c = coro_fn()
print(type(c).__name__, type(c))
print(clean(repr(c)))
print(c.__name__, c.__qualname__)
print(c.cr_running, c.cr_await, c.cr_code.co_name)
print(c.cr_suspended)
m = K().method()
print(clean(repr(m)), m.__qualname__)
w = c.__await__()
print(type(w).__name__)
print(iter(w) is w)
try:
    w.send(None)
except StopIteration as e:
    print("wrapper stop", e.value)
m.close()

ag = agen_fn()
print(type(ag).__name__, type(ag))
print(clean(repr(ag)))
print(ag.__name__, ag.__qualname__, ag.ag_running, ag.ag_await)
print(ag.__aiter__() is ag)
an = ag.__anext__()
print(type(an).__name__)
print(type(ag.asend(None)).__name__, type(ag.athrow(ValueError)).__name__, type(ag.aclose()).__name__)
print(clean(repr(K().agen_method())))

def local():
    async def inner():
        pass

    return inner()


x = local()
print(x.__qualname__)
x.close()

# Coroutine functions are plain functions.
print(type(coro_fn).__name__, callable(coro_fn))

# types.py's and _collections_abc.py's import-time probes.
async def _c():
    pass


_c = _c()
CoroutineType = type(_c)
_c.close()


async def _ag():
    yield


_ag = _ag()
AsyncGeneratorType = type(_ag)
print(CoroutineType.__name__, AsyncGeneratorType.__name__)
probe = coro_fn()
print(isinstance(probe, CoroutineType), isinstance(agen_fn(), AsyncGeneratorType))
probe.close()
