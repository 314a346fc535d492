# A coroutine driven 10,000 times from a hot loop, and a coroutine's own hot
# loop awaiting a cheap awaitable, so the JIT records around both (the
# driver's loop is compiled; a coroutine's loop that suspends stays with the
# interpreter, as a generator's does, unless generator_loops=1).
# jit-expect: loops>=1


class Yield:
    __slots__ = ()

    def __await__(self):
        yield None


Y = Yield()


async def ticker(n):
    total = 0
    for i in range(n):
        await Y
        total += i
    return total


c = ticker(10000)
steps = 0
try:
    while True:
        c.send(None)
        steps += 1
except StopIteration as e:
    print(steps, e.value)


async def leaf(x):
    return x + 1


async def spin(n):
    acc = 0
    for i in range(n):
        acc = await leaf(acc)
    return acc


try:
    spin(10000).send(None)
except StopIteration as e:
    print("spin", e.value)


async def agen(n):
    for i in range(n):
        yield i


async def consume():
    s = 0
    async for v in agen(10000):
        s += v
    return s


try:
    consume().send(None)
except StopIteration as e:
    print("agen sum", e.value)
