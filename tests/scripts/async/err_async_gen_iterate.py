# An async generator is not an iterator.


async def agen():
    yield 1


for x in agen():
    pass
