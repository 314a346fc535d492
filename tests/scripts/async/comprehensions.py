# Async comprehensions and await inside comprehensions.


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


class Pause:
    def __await__(self):
        yield "pause"


async def agen(n):
    for i in range(n):
        await Pause()
        yield i


async def double(x):
    await Pause()
    return 2 * x


async def main():
    print([x async for x in agen(4)])
    print({x % 2 async for x in agen(5)})
    print({x: x * x async for x in agen(3)})
    print([await double(x) for x in range(4)])
    print([x async for x in agen(6) if x % 2 if await double(x) > 2])
    print([(x, y) async for x in agen(2) for y in range(2)])
    print([[y async for y in agen(x)] for x in range(3)])
    g = (await double(x) for x in range(3))
    print(type(g).__name__, [v async for v in g])
    total = 0
    async for v in (x + 1 async for x in agen(3)):
        total += v
    return total


print(run(main()))
