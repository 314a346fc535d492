# async for over async iterators (classes and async generators), with else/break/continue.


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


class Pause:
    def __await__(self):
        yield "pause"


class Ticker:
    """An async iterator written as a class."""

    def __init__(self, n):
        self.i = 0
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        await Pause()
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i


async def agen(n):
    for i in range(n):
        await Pause()
        yield i * 10


async def main():
    async for t in Ticker(3):
        print("tick", t)
    else:
        print("ticker else")
    async for v in agen(5):
        if v == 10:
            continue
        if v == 30:
            print("break at", v)
            break
        print("agen", v)
    else:
        print("not printed")
    # Unpacking targets and nested loops.
    async for a, b in pairs():
        async for c in agen(2):
            print("nested", a, b, c)
    # return from inside async for
    async for v in agen(10):
        if v == 20:
            return "returned " + str(v)


async def pairs():
    yield 1, "x"
    yield 2, "y"


print(run(main()))


# Exceptions other than StopAsyncIteration from __anext__ propagate.
class Faulty:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise KeyError("faulty")


async def faulty():
    try:
        async for x in Faulty():
            print("never")
    except KeyError as e:
        return "caught " + repr(e)


print(run(faulty()))


# Exceptions in the body propagate; try/finally around async for.
async def body_raises():
    try:
        async for v in agen(3):
            if v == 10:
                raise ValueError(v)
    except ValueError as e:
        return "body raised " + str(e)
    finally:
        print("finally after loop")


print(run(body_raises()))


# __anext__ returning a non-awaitable, a non-async iterable.
class BadNext:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 5


async def bad_next():
    try:
        async for x in BadNext():
            pass
    except TypeError as e:
        print("TypeError:", e)
    try:
        async for x in [1, 2]:
            pass
    except TypeError as e:
        print("TypeError:", e)


run(bad_next())
