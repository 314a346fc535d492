# await binds tighter than ** and unary minus, looser than attribute access on its result.

class V:
    def __init__(self, v):
        self.v = v
        self.attr = self

    def __await__(self):
        yield
        return self.v


async def main():
    a = await V(3) ** 2
    b = -await V(4)
    c = (await V(5)).bit_length()
    d = [await V(i) for i in range(3)]
    e = await V(2) * await V(5)
    f = not await V(0)
    g = {await V("k"): await V("v")}
    h = await V(V(7)).attr if False else "skip"
    lam = [(lambda q: q)(await V(1))]
    return a, b, c, d, e, f, g, h, lam


c = main()
try:
    while True:
        c.send(None)
except StopIteration as e:
    print(e.value)
