# throw() and close() on coroutines, forwarded to the awaited iterator.


class Pause:
    def __init__(self, name):
        self.name = name

    def __await__(self):
        try:
            yield self.name
        except KeyError as e:
            print("  Pause", self.name, "got", repr(e))
            return "from-pause"
        finally:
            print("  Pause", self.name, "finally")


async def worker():
    try:
        r = await Pause("p1")
        print("worker resumed with", r)
        await Pause("p2")
    except ValueError as e:
        print("worker caught", repr(e))
        return "worker-done"
    finally:
        print("worker finally")


c = worker()
print(c.send(None))
print(c.throw(KeyError("k")))
try:
    c.throw(ValueError("v"))
except StopIteration as e:
    print("stop", e.value)

# close() raises GeneratorExit at the suspension point.
c = worker()
c.send(None)
print(c.close())
print(c.cr_running, c.cr_suspended, c.cr_await)

# throw() into a coroutine that was never started.
c = worker()
try:
    c.throw(TypeError("early"))
except TypeError as e:
    print("early", e)

# A coroutine that ignores GeneratorExit.
async def stubborn():
    try:
        await Pause("s")
    except GeneratorExit:
        print("ignoring")
    await Pause("s2")


c = stubborn()
c.send(None)
try:
    c.close()
except RuntimeError as e:
    print("RuntimeError:", e)
c.close()  # now it finishes at the second await

# throw() with a class and a value, and with a traceback-free instance.
async def catcher():
    try:
        await Pause("c")
    except Exception as e:
        return (type(e).__name__, e.args)


c = catcher()
c.send(None)
try:
    c.throw(IndexError, "idx")
except StopIteration as e:
    print(e.value)

# close() on a finished coroutine is silent; send() is not.
async def quick():
    return 1


c = quick()
try:
    c.send(None)
except StopIteration:
    pass
c.close()
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    c.throw(ValueError)
except RuntimeError as e:
    print("RuntimeError:", e)
