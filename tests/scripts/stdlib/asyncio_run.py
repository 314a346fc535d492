# asyncio on Tributary: asyncio.run with the selector event loop (its
# self-pipe is a _socket.socketpair, its selector select.poll), tasks,
# gather, sleep, queues, events, locks, wait_for timeouts, cancellation,
# async generators, call_soon/call_later, streams over a socketpair,
# types.coroutine generators awaited.
import asyncio, socket, types

async def work(n):
    await asyncio.sleep(0)
    return n * 2

async def producer(q, n):
    for i in range(n):
        await q.put(i)
    await q.put(None)

async def consumer(q):
    got = []
    while (item := await q.get()) is not None:
        got.append(item)
    return got

async def agen(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i * i

@types.coroutine
def legacy():
    yield
    return "legacy"

async def main():
    print(await asyncio.gather(*(work(i) for i in range(5))))
    q = asyncio.Queue()
    _, got = await asyncio.gather(producer(q, 5), consumer(q))
    print(got)
    print([x async for x in agen(4)])
    print(await legacy())
    ev = asyncio.Event()
    order = []
    async def waiter():
        await ev.wait()
        order.append("woken")
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    order.append("set")
    ev.set()
    await t
    print(order, t.done(), t.result())
    lock = asyncio.Lock()
    async def locked(i):
        async with lock:
            order.append(i)
            await asyncio.sleep(0)
    await asyncio.gather(*(locked(i) for i in range(3)))
    print(order)
    try:
        await asyncio.wait_for(asyncio.sleep(10), timeout=0.01)
    except asyncio.TimeoutError:
        print("timed out")
    t = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled", t.cancelled())
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(fut.set_result, "soon")
    print(await fut)
    fut = loop.create_future()
    loop.call_later(0.01, fut.set_result, "later")
    print(await fut)
    results = await asyncio.gather(work(1), asyncio.sleep(0, "x"), return_exceptions=True)
    print(results)
    async def boom():
        raise ValueError("bad")
    print(await asyncio.gather(boom(), work(2), return_exceptions=True))
    a, b = socket.socketpair()
    reader, writer = await asyncio.open_connection(sock=a)
    b.sendall(b"line one\nline two\n")
    print(await reader.readline(), await reader.readline())
    writer.write(b"reply")
    await writer.drain()
    await asyncio.sleep(0.01)
    print(b.recv(100))
    writer.close()
    await writer.wait_closed()
    b.close()
    done, pending = await asyncio.wait([asyncio.create_task(work(7))])
    print([d.result() for d in done], pending)
    return "main done"

print(asyncio.run(main()))
