# The first send() to a coroutine must be None.


async def f():
    pass


c = f()
try:
    c.send(1)
finally:
    c.close()
