# next() on awaitable iterators keeps the StopIteration value (as for any
# class whose __next__ raises StopIteration(value)).


async def f():
    return 1


w = f().__await__()
try:
    next(w)
except StopIteration as e:
    print("next", e.value)


async def agen():
    yield "item"


try:
    next(agen().__anext__())
except StopIteration as e:
    print("asend result", e.value)


class It:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration(99)
        return self.n


i = It()
print(next(i), next(i))
try:
    next(i)
except StopIteration as e:
    print("value", e.value)
print(next(It(), 5), next(iter([]), "d"))
