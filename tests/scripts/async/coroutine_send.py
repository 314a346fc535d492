# Coroutines driven by hand with send(None) until StopIteration.


def run(coro):
    """Drives coro to completion, printing what it yields."""
    try:
        while True:
            v = coro.send(None)
            print("  yielded", v)
    except StopIteration as e:
        return e.value


async def add(a, b):
    return a + b


async def chain(n):
    total = 0
    for i in range(n):
        total = await add(total, i)
    return total


print(run(add(2, 3)))
print(run(chain(10)))


class Suspend:
    """An awaitable whose __await__ is a generator: suspends once."""

    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        got = yield self.tag
        return ("resumed", self.tag, got)


async def inner():
    a = await Suspend("a")
    b = await Suspend("b")
    return [a, b]


async def outer():
    r = await inner()
    return ("outer", r)


print(run(outer()))

# send() values travel down the await chain to the innermost yield.
c = outer()
print(c.send(None))
print(c.send(10))
try:
    c.send(20)
except StopIteration as e:
    print("done", e.value)

# A coroutine that never awaits finishes at the first send.
async def const():
    return 42


c = const()
try:
    c.send(None)
except StopIteration as e:
    print("const", e.value, e.args)

# A coroutine returning None: StopIteration without args.
async def nothing():
    pass


try:
    nothing().send(None)
except StopIteration as e:
    print("nothing", e.value, e.args)

# Awaiting an object whose __await__ returns an iterator (not a generator).
class IterAwait:
    def __await__(self):
        return iter([1, 2, 3])


async def use_iter():
    r = await IterAwait()
    return r


print(run(use_iter()))

# Default arguments, keyword arguments, closures and methods.
def make(k):
    async def scaled(x, *, factor=2):
        return x * factor * k

    return scaled


print(run(make(3)(5)), run(make(1)(5, factor=10)))


class Account:
    def __init__(self):
        self.balance = 0

    async def deposit(self, n):
        await Suspend("deposit")
        self.balance += n
        return self.balance


acct = Account()
print(run(acct.deposit(5)), run(acct.deposit(7)))
