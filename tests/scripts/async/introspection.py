# cr_frame / ag_frame views of suspended frames, cr_await.

class Pause:
    def __await__(self):
        yield


async def work(a, b=2):
    total = a + b
    await Pause()
    return total


c = work(1)
f = c.cr_frame
print(type(f).__name__, f.f_code is c.cr_code, f.f_lineno, f.f_code.co_name)
c.send(None)
print(c.cr_frame.f_lineno, sorted(c.cr_frame.f_locals.items()), c.cr_frame.f_back)
print(type(c.cr_await).__name__)
try:
    c.send(None)
except StopIteration as e:
    print(e.value, c.cr_frame, c.cr_await)


async def agen():
    x = 5
    yield x


ag = agen()
print(ag.ag_frame.f_lineno, ag.ag_frame.f_code.co_name)

# One frame object per coroutine; generators have the same views.
c = work(2)
print(c.cr_frame is c.cr_frame)
c.close()
print(c.cr_frame)


def gen():
    x = 1
    yield x
    yield from range(2)


g = gen()
print(g.gi_frame.f_lineno, g.gi_code.co_name, g.gi_yieldfrom)
next(g)
print(g.gi_frame.f_lineno, sorted(g.gi_frame.f_locals.items()))
next(g)
print(type(g.gi_yieldfrom).__name__)
list(g)
print(g.gi_frame, g.gi_yieldfrom)
