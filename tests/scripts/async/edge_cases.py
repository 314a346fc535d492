# Less common paths: re-entrancy, odd protocols, async generators under stress.


def drive(aw):
    try:
        while True:
            v = aw.send(None)
            print("  yielded", v)
    except StopIteration as e:
        return e.value


class Pause:
    def __init__(self, tag=None):
        self.tag = tag

    def __await__(self):
        return (yield self.tag)


# A coroutine closing or sending to itself while running.
async def selfish():
    try:
        me.send(None)
    except ValueError as e:
        print("ValueError:", e)
    return "ok"


me = selfish()
print(drive(me))

# asend(non-None) to a just-started async generator.
async def ag1():
    yield 1


try:
    drive(ag1().asend(5))
except TypeError as e:
    print("TypeError:", e)

# athrow on a never-started async generator: raised at once.
try:
    drive(ag1().athrow(ValueError("fresh")))
except ValueError as e:
    print("ValueError:", e)

# aclose with an await inside the finally: the await passes through.
async def closing_await():
    try:
        yield "a"
    finally:
        await Pause("cleanup")
        print("  cleaned up")


ag = closing_await()
print(drive(ag.__anext__()))
print(drive(ag.aclose()))

# An exception inside an async generator propagates through anext.
async def explodes():
    yield 1
    raise IndexError("inside agen")


async def use_explodes():
    got = []
    try:
        async for v in explodes():
            got.append(v)
    except IndexError as e:
        got.append(str(e))
    return got


print(drive(use_explodes()))

# Async generators stacked: one async for inside another async generator.
async def evens(n):
    for i in range(n):
        if i % 2 == 0:
            await Pause()
            yield i


async def squares_of_evens(n):
    async for e in evens(n):
        yield e * e


async def collect():
    return [x async for x in squares_of_evens(7)]


print(drive(collect()))

# __aiter__ written as async def: its coroutine has no __anext__.
class WrongAiter:
    async def __aiter__(self):
        return self


async def wrong():
    try:
        async for x in WrongAiter():
            pass
    except TypeError as e:
        print("TypeError:", e)


drive(wrong())

# __aexit__ raising replaces the body's exception.
class ExitRaises:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        raise RuntimeError("from aexit")


async def exit_raises():
    try:
        async with ExitRaises():
            raise KeyError("body")
    except RuntimeError as e:
        return (str(e), type(e.__context__).__name__)


print(drive(exit_raises()))

# Decorated coroutine functions, awaits in f-strings and default-free lambdas.
def traced(fn):
    async def wrapper(*args):
        print("  calling", fn.__name__, args)
        return await fn(*args)

    return wrapper


@traced
async def mul(a, b):
    await Pause()
    return a * b


async def fstrings():
    return f"{await mul(6, 7)} and {await mul(2, 3)!r:>5}"


print(drive(fstrings()))

# yield from a coroutine in a plain generator.
async def co():
    pass


def gen():
    c = co()
    try:
        yield from c
    finally:
        c.close()


try:
    list(gen())
except TypeError as e:
    print("TypeError:", e)

# An await inside a generator expression of a plain function makes an async
# generator expression.
def make_agen(items):
    return (await mul(x, 10) for x in items)


async def use_agen():
    return [v async for v in make_agen([1, 2])]


print(drive(use_agen()))

# while loops and try/except/else around awaits, with the value sent in.
async def accumulate():
    total = 0
    while True:
        try:
            v = await Pause("need")
            if v is None:
                break
            total += v
        except ValueError:
            total = -total
        else:
            print("  added", v)
    return total


c = accumulate()
c.send(None)
c.send(5)
c.send(7)
c.throw(ValueError)
try:
    c.send(None)
except StopIteration as e:
    print("total", e.value)
