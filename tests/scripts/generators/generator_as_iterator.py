def g():
    yield 1
    yield 2
it = g()
print(iter(it) is it, it.__iter__() is it, it.__next__())
print(hasattr(it, "send"), hasattr(it, "throw"), hasattr(it, "close"))
print(g().__name__, g.__qualname__)
class K:
    def items(self):
        yield "a"
print(K().items().__qualname__)
r = repr(g())
print(r.startswith("<generator object g at 0x"))
