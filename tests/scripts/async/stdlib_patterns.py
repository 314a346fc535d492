# The async parts of types.py, _collections_abc.py and contextlib.py: their
# sources compile, and their import-time probes and async context manager
# machinery (copied from CPython 3.11's contextlib, reduced) run.
import os

for name in ("types", "_collections_abc", "contextlib"):
    path = "/usr/lib/python3.11/%s.py" % name
    if os.path.exists(path):
        with open(path) as f:
            compile(f.read(), path, "exec")
    print("compiled", name)

# types.py
async def _c(): pass
_c = _c()
CoroutineType = type(_c)
_c.close()  # Prevent ResourceWarning

async def _ag():
    yield
_ag = _ag()
AsyncGeneratorType = type(_ag)
print(CoroutineType, AsyncGeneratorType)

# _collections_abc.py
async def _coro(): pass
_coro = _coro()
coroutine = type(_coro)
_coro.close()  # Prevent ResourceWarning
del _coro
async def _ag(): yield
_ag = _ag()
async_generator = type(_ag)
del _ag
print(coroutine.__name__, async_generator.__name__)


class AsyncIterator:
    __slots__ = ()

    async def __anext__(self):
        """Return the next item or raise StopAsyncIteration when exhausted."""
        raise StopAsyncIteration

    def __aiter__(self):
        return self


class AsyncGenerator(AsyncIterator):
    __slots__ = ()

    async def __anext__(self):
        return await self.asend(None)

    async def asend(self, value):
        raise StopAsyncIteration

    async def athrow(self, typ, val=None, tb=None):
        if val is None:
            if tb is None:
                raise typ
            val = typ()
        if tb is not None:
            val = val.with_traceback(tb)
        raise val

    async def aclose(self):
        try:
            await self.athrow(GeneratorExit)
        except (GeneratorExit, StopAsyncIteration):
            pass
        else:
            raise RuntimeError("asynchronous generator ignored GeneratorExit")


class Countdown(AsyncGenerator):
    def __init__(self, n):
        self.n = n

    async def asend(self, value):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


# contextlib.py
class _AsyncGeneratorContextManager:
    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func, self.args, self.kwds = func, args, kwds

    async def __aenter__(self):
        del self.args, self.kwds, self.func
        try:
            return await anext(self.gen)
        except StopAsyncIteration:
            raise RuntimeError("generator didn't yield") from None

    async def __aexit__(self, typ, value, traceback):
        if typ is None:
            try:
                await anext(self.gen)
            except StopAsyncIteration:
                return False
            else:
                raise RuntimeError("generator didn't stop")
        else:
            if value is None:
                value = typ()
            try:
                await self.gen.athrow(typ, value, traceback)
            except StopAsyncIteration as exc:
                return exc is not value
            except RuntimeError as exc:
                if exc is value:
                    return False
                if isinstance(value, (StopIteration, StopAsyncIteration)) and exc.__cause__ is value:
                    return False
                raise
            except BaseException as exc:
                if exc is not value:
                    raise
                return False
            raise RuntimeError("generator didn't stop after athrow()")


def asynccontextmanager(func):
    def helper(*args, **kwds):
        return _AsyncGeneratorContextManager(func, args, kwds)

    return helper


class aclosing:
    def __init__(self, thing):
        self.thing = thing

    async def __aenter__(self):
        return self.thing

    async def __aexit__(self, *exc_info):
        await self.thing.aclose()


class Pause:
    def __await__(self):
        yield "pause"


@asynccontextmanager
async def resource(name, log):
    log.append("open " + name)
    await Pause()
    try:
        yield name.upper()
    except KeyError as e:
        log.append("handled " + repr(e))
    finally:
        await Pause()
        log.append("close " + name)


async def numbers(log):
    try:
        for i in range(10):
            yield i
    finally:
        log.append("numbers closed")


async def main():
    log = []
    async with resource("db", log) as r:
        log.append("using " + r)
    async with resource("cache", log):
        raise KeyError("suppressed by the generator")
    try:
        async with resource("net", log):
            raise ValueError("propagates")
    except ValueError as e:
        log.append("caught " + repr(e))
    async with aclosing(numbers(log)) as agen:
        async for n in agen:
            if n == 2:
                break
    got = [x async for x in Countdown(3)]
    log.append(got)
    cd = Countdown(5)
    await cd.aclose()
    return log


c = main()
try:
    while True:
        c.send(None)
except StopIteration as e:
    for line in e.value:
        print(line)
