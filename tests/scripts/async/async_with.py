# async with: awaited __aenter__/__aexit__, exception suppression, nesting, return/break.


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


class Pause:
    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        yield self.tag


class Manager:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        await Pause("enter " + self.name)
        print("enter", self.name)
        return self.name.upper()

    async def __aexit__(self, typ, val, tb):
        await Pause("exit " + self.name)
        print("exit", self.name, typ.__name__ if typ else None, val)
        return self.suppress


async def main():
    async with Manager("a") as x:
        print("body", x)
    async with Manager("b", suppress=True):
        raise ValueError("suppressed")
    print("after suppressed")
    try:
        async with Manager("c"):
            raise KeyError("propagates")
    except KeyError as e:
        print("caught", repr(e))
    async with Manager("d") as d, Manager("e") as e:
        print("two managers", d, e)
    for i in range(3):
        async with Manager("loop%d" % i):
            if i == 1:
                break
    return await returns_inside()


async def returns_inside():
    async with Manager("r"):
        return "returned"


print(run(main()))

# Driving step by step shows each awaited step.
c = main()
steps = []
try:
    while True:
        steps.append(c.send(None))
except StopIteration as e:
    print("steps", len(steps), steps[:4])


# Errors: a missing protocol, a non-awaitable __aenter__ result.
class NotAsync:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        pass


class SyncEnter:
    def __aenter__(self):
        return 1

    async def __aexit__(self, *a):
        pass


async def errors():
    try:
        async with NotAsync():
            pass
    except TypeError as e:
        print("TypeError:", e)
    try:
        async with SyncEnter():
            pass
    except TypeError as e:
        print("TypeError:", e)


run(errors())
