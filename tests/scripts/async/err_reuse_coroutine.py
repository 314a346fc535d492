# Awaiting a finished coroutine again.


async def child():
    return 1


async def parent():
    c = child()
    print(await c)
    print(await c)


p = parent()
try:
    p.send(None)
finally:
    p.close()
