# Shape: objects of a Python subclass of a native type (random.Random over
# _random.Random) or of a builtin type with a fixed layout (list) keep their
# attributes in an Instance embedded at a constant offset: loads and stores
# compile to shape guards and slot accesses (no residual get_attr/set_attr),
# a Python method on the subclass is inlined, and the native base's method
# (_random.Random.random) is called with self like a builtin method (no
# bound-method lookup). Before, each of these was a residual get_attr/set_attr.
# jit-expect: loops==1 aborts==0 calls_by_helper.get_attr==0 calls_by_helper.set_attr==0 inlined_calls>=1
import _random


class Gen(_random.Random):
    def __init__(self, seed):
        super().__init__(seed)
        self.count = 0
        self.scale = 2.0

    def scaled(self):
        return self.random() * self.scale


class Tagged(list):
    def __init__(self, items):
        super().__init__(items)
        self.total = 0


def run(g, t, steps):
    s = 0.0
    for i in range(steps):
        g.count = g.count + 1
        s += g.scaled() + g.random()
        t.total = t.total + t[i % 3]
    return s


g = Gen(7)
t = Tagged([1, 2, 3])
print(round(run(g, t, 100), 9), g.count, t.total)
