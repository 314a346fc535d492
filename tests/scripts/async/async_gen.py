# Async generators driven through their asend/athrow/aclose awaitables.


def drive(awaitable):
    """Runs one awaitable to completion: its yields are printed, its result returned."""
    try:
        while True:
            v = awaitable.send(None)
            print("  passed through:", v)
    except StopIteration as e:
        return e.value


class Pause:
    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        return (yield self.tag)


async def counter(n):
    try:
        for i in range(n):
            await Pause(("tick", i))
            got = yield i
            if got is not None:
                print("  counter received", got)
    finally:
        print("  counter finally")


ag = counter(3)
print(drive(ag.__anext__()))
print(drive(ag.asend("hello")))
print(drive(ag.__anext__()))
try:
    drive(ag.__anext__())
except StopAsyncIteration as e:
    print("StopAsyncIteration", e.args)
try:
    drive(ag.__anext__())
except StopAsyncIteration:
    print("still exhausted")

# athrow: raised at the yield; the generator may catch it and yield again.
async def resilient():
    i = 0
    while True:
        try:
            yield i
        except ValueError as e:
            print("  resilient caught", e)
            i += 100
        i += 1


ag = resilient()
print(drive(ag.__anext__()))
print(drive(ag.athrow(ValueError("boom"))))
print(drive(ag.athrow(ValueError, "again")))
try:
    drive(ag.athrow(KeyError("out")))
except KeyError as e:
    print("KeyError escaped", e)
try:
    drive(ag.__anext__())
except StopAsyncIteration:
    print("finished after escape")

# aclose: GeneratorExit at the yield; finally blocks run; awaiting aclose returns None.
ag = counter(5)
print(drive(ag.__anext__()))
print("aclose ->", drive(ag.aclose()))
print("aclose again ->", drive(ag.aclose()))
try:
    drive(ag.__anext__())
except StopAsyncIteration:
    print("closed generator is exhausted")

# aclose on a generator that was never started.
print("fresh aclose ->", drive(counter(2).aclose()))

# An async generator that yields in its finally while closing.
async def bad_close():
    try:
        yield 1
    finally:
        yield 2


ag = bad_close()
drive(ag.__anext__())
try:
    drive(ag.aclose())
except RuntimeError as e:
    print("RuntimeError:", e)

# An awaitable can be iterated only once.
ag = counter(2)
a = ag.__anext__()
print(drive(a))
try:
    a.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
t = ag.aclose()
drive(t)
try:
    t.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

# StopIteration / StopAsyncIteration raised inside become RuntimeError.
async def raises_stop():
    yield 1
    raise StopAsyncIteration


ag = raises_stop()
drive(ag.__anext__())
try:
    drive(ag.__anext__())
except RuntimeError as e:
    print("RuntimeError:", e)

# Two awaitables of one generator at once.
async def slow():
    await Pause("slow")
    yield "s"


ag = slow()
first = ag.__anext__()
print(first.send(None))
try:
    ag.__anext__().send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    first.send(None)
except StopIteration as e:
    print("first done", e.value)
print(drive(ag.aclose()))

# Async generator expressions.
async def source(n):
    for i in range(n):
        yield i


async def collect():
    gen = (x * x async for x in source(5))
    print(type(gen).__name__)
    out = []
    async for v in gen:
        out.append(v)
    return out


print(drive(collect()))
