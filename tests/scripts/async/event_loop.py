# A tiny round-robin event loop: three tasks, a Future-like class, sleep().


class Future:
    def __init__(self):
        self.done = False
        self.result = None
        self.callbacks = []

    def set_result(self, v):
        self.done = True
        self.result = v
        for cb in self.callbacks:
            cb()

    def __await__(self):
        if not self.done:
            yield self
        return self.result


class Loop:
    def __init__(self):
        self.ready = []
        self.time = 0
        self.timers = []
        self.log = []

    def spawn(self, coro, name):
        task = Task(self, coro, name)
        self.ready.append(task)
        return task

    def run(self):
        while self.ready or self.timers:
            if not self.ready:
                self.timers.sort(key=lambda t: t[0])
                when, fut = self.timers.pop(0)
                self.time = when
                fut.set_result(when)
                continue
            task = self.ready.pop(0)
            task.step()


class Task(Future):
    def __init__(self, loop, coro, name):
        super().__init__()
        self.loop = loop
        self.coro = coro
        self.name = name

    def step(self, exc=None):
        try:
            if exc is None:
                fut = self.coro.send(None)
            else:
                fut = self.coro.throw(exc)
        except StopIteration as e:
            print(f"[t={self.loop.time}] {self.name} finished -> {e.value!r}")
            self.set_result(e.value)
            return
        except Exception as e:
            print(f"[t={self.loop.time}] {self.name} failed: {e!r}")
            self.set_result(None)
            return
        fut.callbacks.append(lambda: self.loop.ready.append(self))


LOOP = Loop()


def sleep(delay):
    fut = Future()
    LOOP.timers.append((LOOP.time + delay, fut))
    return fut


async def worker(name, delays):
    total = 0
    for d in delays:
        t = await sleep(d)
        print(f"[t={t}] {name} woke after {d}")
        total += d
    return total


async def producer(queue, n):
    for i in range(n):
        await sleep(1)
        queue.append(i)
        print(f"[t={LOOP.time}] produced {i}")
    return "produced all"


async def consumer(queue, n, producer_task):
    got = []
    while len(got) < n:
        if queue:
            got.append(queue.pop(0))
        else:
            await sleep(1)
    r = await producer_task
    return got, r


async def failing():
    await sleep(2)
    raise ValueError("task error")


q = []
a = LOOP.spawn(worker("A", [1, 3, 1]), "A")
p = LOOP.spawn(producer(q, 3), "producer")
c = LOOP.spawn(consumer(q, 3, p), "consumer")
f = LOOP.spawn(failing(), "failing")


async def gather(*tasks):
    results = []
    for t in tasks:
        results.append(await t)
    return results


g = LOOP.spawn(gather(a, c), "gather")
LOOP.run()
print("gathered", g.result)
