# Exceptions propagating through await chains, caught at any level.


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


class Pause:
    def __await__(self):
        yield "pause"


async def fails(msg):
    await Pause()
    raise ValueError(msg)


async def middle(msg):
    try:
        return await fails(msg)
    finally:
        print("middle finally", msg)


async def top():
    try:
        await middle("deep")
    except ValueError as e:
        print("caught", repr(e))
        return "recovered"


print(run(top()))


async def reraise():
    try:
        await fails("x")
    except ValueError:
        raise KeyError("converted")


try:
    run(reraise())
except KeyError as e:
    print("KeyError", e, type(e.__context__).__name__)

# StopIteration raised inside a coroutine becomes RuntimeError.
async def bad_stop():
    raise StopIteration(5)


try:
    run(bad_stop())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)

# An exception from __await__ itself.
class Broken:
    def __await__(self):
        raise OSError("no await for you")


async def use_broken():
    try:
        await Broken()
    except OSError as e:
        return "handled " + str(e)


print(run(use_broken()))

# An exception raised by the awaited iterator at a later step.
class LateFail:
    def __await__(self):
        yield 1
        raise ZeroDivisionError("late")


async def use_late():
    try:
        await LateFail()
    except ZeroDivisionError as e:
        return ("late", str(e))


print(run(use_late()))

# The exception being handled is kept per coroutine across suspensions: a
# bare `raise` after an await re-raises it, not the driver's.
async def handler_state():
    try:
        raise IndexError("outer")
    except IndexError:
        await Pause()
        raise


c = handler_state()
c.send(None)
try:
    raise KeyError("driver")
except KeyError:
    try:
        c.send(None)
    except IndexError as e:
        print("re-raised", repr(e))
