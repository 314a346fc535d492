# __await__ must return an iterator.


class Bad:
    def __await__(self):
        return 7


async def f():
    await Bad()


c = f()
try:
    c.send(None)
finally:
    c.close()
