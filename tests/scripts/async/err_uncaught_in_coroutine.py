# An exception escaping a coroutine ends the script with its traceback.


class Pause:
    def __await__(self):
        yield


async def inner():
    await Pause()
    raise LookupError("from inner")


async def outer():
    await inner()


c = outer()
c.send(None)
c.send(None)
