# A bank of generators: pipelines, yield from with return values, send,
# throw, close, generator-based coroutines and a round-robin scheduler.
import itertools


def numbers(limit):
    n = 0
    while n < limit:
        yield n
        n += 1


def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x


def squares(src):
    for x in src:
        yield x * x


def take(n, src):
    for i, x in enumerate(src):
        if i >= n:
            return
        yield x


def chunks(src, size):
    chunk = []
    for x in src:
        chunk.append(x)
        if len(chunk) == size:
            yield tuple(chunk)
            chunk = []
    if chunk:
        yield tuple(chunk)


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def primes():
    found = []
    for n in itertools.count(2):
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n


print("pipeline:", list(squares(evens(numbers(20)))))
print("chunks:", list(chunks(numbers(11), 4)))
print("fib:", list(take(15, fib())))
print("fib big:", list(itertools.islice(fib(), 90, 93)))
print("primes:", list(take(20, primes())))
print("sum of gen expr:", sum(x * x for x in range(100) if x % 3 == 0))


# yield from with return values
def inner(tag, n):
    total = 0
    for i in range(n):
        received = yield f"{tag}{i}"
        if received is not None:
            total += received
    return total


def outer():
    a = yield from inner("a", 3)
    b = yield from inner("b", 2)
    return a + b


g = outer()
out = [next(g)]
try:
    k = 1
    while True:
        out.append(g.send(k * 10))
        k += 1
except StopIteration as stop:
    print("outer returned", stop.value, "after", out)


def flatten(tree):
    if isinstance(tree, list):
        for sub in tree:
            yield from flatten(sub)
    else:
        yield tree


print("flatten:", list(flatten([1, [2, [3, [4, [5]]], 6], [[7], 8], [], 9])))


# coroutines with send: running average, and a pipeline of consumers
def averager():
    total = 0.0
    count = 0
    avg = None
    while True:
        value = yield avg
        if value is None:
            break
        total += value
        count += 1
        avg = total / count
    return count, avg


avg = averager()
next(avg)
for v in [10, 20, 30, 45]:
    print("avg after", v, "=", avg.send(v))
try:
    avg.send(None)
except StopIteration as e:
    print("averager finished:", e.value)


def grep(pattern, target):
    while True:
        line = yield
        if pattern in line:
            target.send(line)


def collector(store):
    while True:
        item = yield
        store.append(item.upper())


store = []
sink = collector(store)
next(sink)
filt = grep("py", sink)
next(filt)
for line in ["python rocks", "java", "pypy traces", "lua", "cpython 3.11"]:
    filt.send(line)
print("grep collected:", store)


# throw and close, finally blocks in generators
log = []


def guarded(name):
    try:
        for i in range(5):
            try:
                yield i
            except ValueError as e:
                log.append(f"{name} caught {e}")
                yield -1
    finally:
        log.append(f"{name} cleanup")


g = guarded("g1")
print(next(g), next(g))
print("throw ->", g.throw(ValueError("boom")))
print("next ->", next(g))
g.close()
print("closed; next raises:", end=" ")
try:
    next(g)
except StopIteration:
    print("StopIteration")
g2 = guarded("g2")
next(g2)
try:
    g2.throw(KeyError("k"))
except KeyError as e:
    print("KeyError propagated:", e)
print("log:", log)


# round-robin scheduler of generator tasks
class Task:
    ids = itertools.count(1)

    def __init__(self, gen):
        self.id = next(Task.ids)
        self.gen = gen
        self.sendval = None
        self.result = None


class Scheduler:
    def __init__(self):
        self.ready = []
        self.trace = []

    def spawn(self, gen):
        t = Task(gen)
        self.ready.append(t)
        return t.id

    def run(self):
        finished = {}
        while self.ready:
            task = self.ready.pop(0)
            try:
                req = task.gen.send(task.sendval)
            except StopIteration as e:
                finished[task.id] = e.value
                self.trace.append(f"done {task.id}")
                continue
            task.sendval = None
            if req == "id":
                task.sendval = task.id
            elif isinstance(req, tuple) and req[0] == "spawn":
                task.sendval = self.spawn(req[1])
            else:
                self.trace.append(f"{task.id}:{req}")
            self.ready.append(task)
        return finished


def worker(name, n):
    me = yield "id"
    acc = 0
    for i in range(n):
        yield f"{name}{i}"
        acc += me * i
    return acc


def parent():
    child = yield ("spawn", worker("c", 2))
    yield f"spawned{child}"
    return "parent-done"


sched = Scheduler()
sched.spawn(worker("x", 3))
sched.spawn(parent())
sched.spawn(worker("y", 1))
results = sched.run()
print("trace:", sched.trace)
print("results:", sorted(results.items()))


# generators as arguments to builtins
def letters():
    yield from "generator"


print(sorted(letters()), max(letters()), "".join(reversed(list(letters()))))
print(dict(zip(letters(), numbers(100))))
print(set(letters()) == set("generator"), len(list(letters())))
print(any(x > 5 for x in numbers(7)), all(x < 5 for x in numbers(7)))
print(list(map(lambda p: p[0] * p[1], zip(numbers(5), fib()))))
it = iter(numbers(3))
print(it is iter(it), list(it), list(it))
print(list(enumerate(chunks("abcdefg", 3), start=1)))
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested), list(nested))
counter = itertools.count()
print(list(iter(lambda: next(counter), 6)))
acc = list(itertools.accumulate(take(10, fib())))
print("accumulate fib:", acc)
print("chain:", list(itertools.chain(numbers(3), "ab", (x for x in [9]))))
