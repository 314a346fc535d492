# async for over an object without __aiter__.


async def f():
    async for x in [1, 2, 3]:
        pass


c = f()
try:
    c.send(None)
finally:
    c.close()
