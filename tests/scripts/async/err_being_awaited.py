# One coroutine awaited by two others at once.


class Pause:
    def __await__(self):
        yield


async def child():
    await Pause()


shared = child()


async def waiter():
    await shared


a = waiter()
b = waiter()
a.send(None)
try:
    b.send(None)
finally:
    a.close()
    b.close()
