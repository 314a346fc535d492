# The aiter() and anext() builtins (anext with a default: an anext_awaitable).

def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

async def g():
    yield 1
    yield 2

async def main():
    it = aiter(g())
    print(await anext(it))
    print(await anext(it, "d"))
    print(await anext(it, "d"))
    print(await anext(it, "d"))
    try:
        await anext(it)
    except StopAsyncIteration:
        print("stop")
    try:
        aiter([])
    except TypeError as e:
        print(e)
    try:
        anext(5)
    except TypeError as e:
        print(e)
    print(type(anext(g(), 1)).__name__)
print(run(main()))
