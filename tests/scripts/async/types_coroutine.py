# types.coroutine: a generator function's code gets CO_ITERABLE_COROUTINE
# through code.replace(co_flags=...), its generators can be awaited and can
# `yield from` coroutines; other co_flags changes are refused.
import types, inspect

@types.coroutine
def ticks(n):
    for i in range(n):
        got = yield ("tick", i)
    return "ticked"

async def inner():
    return await ticks(2)

@types.coroutine
def delegating():
    return (yield from inner())

async def outer():
    a = await delegating()
    return a + "!"

print(hex(ticks.__code__.co_flags & 0x1a0), inspect.isgeneratorfunction(ticks), inspect.isawaitable(ticks(1)))
c = outer()
steps = []
try:
    while True:
        steps.append(c.send(None))
except StopIteration as e:
    print(steps, e.value)

def gen():
    yield 1
co = gen.__code__
print(hex(co.replace(co_flags=co.co_flags | 0x100).co_flags & 0x100), co.replace(co_flags=co.co_flags).co_flags == co.co_flags)

async def plain():
    return 1
def not_marked():
    yield from plain()
try:
    list(not_marked())
except TypeError as e:
    print("TypeError", e)
async def awaits_generator():
    await gen()
try:
    awaits_generator().send(None)
except TypeError as e:
    print("TypeError", e)
