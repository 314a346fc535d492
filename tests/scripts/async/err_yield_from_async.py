# yield from inside async def.


async def f():
    yield from [1, 2]
