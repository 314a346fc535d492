class R:
    def __init__(self, rv): self.rv = rv
    def __enter__(self): return self
    def __exit__(self, *a): return self.rv
for rv in [0, 1, "", "x", None, [], [0]]:
    try:
        with R(rv):
            raise OSError("e")
        print(repr(rv), "suppressed")
    except OSError:
        print(repr(rv), "propagated")
