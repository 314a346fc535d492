# The exception being handled where a coroutine or generator resumes: a frame
# handling none of its own sees its caller's (implicit __context__).


class Pause:
    def __await__(self):
        yield


def g():
    yield 1
    raise KeyError("in gen")


it = g()
next(it)
try:
    raise ValueError("outer")
except ValueError:
    try:
        next(it)
    except KeyError as e:
        print(repr(e.__context__))


def g2():
    try:
        raise IndexError("own")
    except IndexError:
        yield 1
        raise


it = g2()
next(it)
try:
    raise ValueError("outer2")
except ValueError:
    try:
        next(it)
    except IndexError as e:
        print(repr(e), repr(e.__context__))


class ExitRaises:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await Pause()
        raise RuntimeError("from aexit")


async def main():
    try:
        async with ExitRaises():
            raise KeyError("body")
    except RuntimeError as e:
        return (str(e), repr(e.__context__))


c = main()
c.send(None)
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
