# A coroutine is not iterable.


async def f():
    pass


c = f()
try:
    for x in c:
        pass
finally:
    c.close()
