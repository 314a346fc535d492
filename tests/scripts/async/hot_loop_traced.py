# Coroutine and async generator loops compiled like generator loops
# (generator_loops=1): the new opcodes' residual calls appear in the traces.
# jit-params: generator_loops=1
# jit-expect: loops>=3 calls_by_helper.get_awaitable>=1 calls_by_helper.get_anext>=1 calls_by_helper.async_gen_wrap>=1


class Yield:
    __slots__ = ()

    def __await__(self):
        yield None


Y = Yield()


async def leaf(x):
    return x + 1


async def spin(n):
    acc = 0
    for i in range(n):
        acc = await leaf(acc)
        if i % 1000 == 0:
            await Y
    return acc


c = spin(10000)
suspensions = 0
try:
    while True:
        c.send(None)
        suspensions += 1
except StopIteration as e:
    print("spin", e.value, suspensions)


async def agen(n):
    for i in range(n):
        yield i * 2


async def consume():
    s = 0
    async for v in agen(5000):
        s += v
    return s


try:
    consume().send(None)
except StopIteration as e:
    print("agen sum", e.value)
