class Suppress:
    def __init__(self, *types): self.types = types
    def __enter__(self): return self
    def __exit__(self, et, ev, tb):
        return et is not None and issubclass(et, self.types)
with Suppress(ZeroDivisionError):
    print("before")
    1 / 0
    print("not reached")
print("after")
try:
    with Suppress(KeyError):
        [][1]
except IndexError as e:
    print("IndexError escaped:", e)
for i in range(3):
    with Suppress(ValueError):
        if i == 1:
            raise ValueError
        print("loop", i)
