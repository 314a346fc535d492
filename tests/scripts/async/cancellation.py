# Cancelling tasks by throwing into them while they are suspended deep inside
# awaits, async with blocks and async for loops over async generators.


class Cancelled(Exception):
    pass


class Future:
    def __init__(self, name):
        self.name = name

    def __await__(self):
        return (yield self)


class Resource:
    def __init__(self, name, log):
        self.name = name
        self.log = log

    async def __aenter__(self):
        await Future("open " + self.name)
        self.log.append("opened " + self.name)
        return self

    async def __aexit__(self, typ, exc, tb):
        self.log.append("closing %s (%s)" % (self.name, typ.__name__ if typ else "ok"))
        await Future("close " + self.name)
        self.log.append("closed " + self.name)
        return False


async def ticks(n, log):
    try:
        for i in range(n):
            await Future("tick %d" % i)
            yield i
    finally:
        log.append("ticks cleanup")


async def deep(level, log):
    if level == 0:
        return await Future("leaf")
    try:
        return await deep(level - 1, log)
    finally:
        log.append("unwound level %d" % level)


async def task_body(log):
    async with Resource("db", log):
        agen = ticks(10, log)
        try:
            async for t in agen:
                log.append("tick %d" % t)
                if t == 2:
                    await deep(3, log)
        finally:
            await agen.aclose()


def step_until(coro, pred, log):
    """Sends until the yielded future's name satisfies pred; returns it."""
    fut = coro.send(None)
    while not pred(fut.name):
        fut = coro.send(None)
    return fut


for where in ("open db", "tick 1", "leaf"):
    log = []
    coro = task_body(log)
    fut = step_until(coro, lambda n: n == where, log)
    log.append("cancel at " + fut.name)
    try:
        while True:
            fut = coro.throw(Cancelled(where))
            log.append("still yielding " + fut.name)
            fut = coro.send(None)
    except Cancelled as e:
        log.append("task cancelled: " + str(e))
    except StopIteration:
        log.append("task finished")
    print(where)
    for line in log:
        print("   ", line)
    print("    suspended:", coro.cr_suspended, "frame:", coro.cr_frame)

# A task that swallows the cancellation and finishes.
async def stubborn(log):
    try:
        await deep(2, log)
    except Cancelled:
        log.append("swallowed")
        return "result after cancel"


log = []
c = stubborn(log)
c.send(None)
try:
    c.throw(Cancelled())
except StopIteration as e:
    print(e.value, log)
