# A coroutine driven 10,000 times from a hot loop, and coroutines' own hot
# loops, so the JIT records around them: the driver's loop, a loop awaiting a
# coroutine that returns without suspending (SEND is a helper call whose
# outcome is guarded) and an async for over an async generator compile; the
# loop whose every await suspends stays with the interpreter, as a
# generator's loop that yields does (unless generator_loops=1).
# jit-expect: loops>=3 aborts.LoopYields>=1 calls_by_helper.send_value>=2 calls_by_helper.get_awaitable>=1 calls_by_helper.get_anext>=1


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
