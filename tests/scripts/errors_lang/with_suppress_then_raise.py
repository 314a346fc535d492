class Suppress:
    def __init__(self, kind):
        self.kind = kind
    def __enter__(self):
        return None
    def __exit__(self, typ, val, tb):
        return typ is not None and issubclass(typ, self.kind)
with Suppress(ValueError):
    raise ValueError("swallowed")
print("after first")
with Suppress(ValueError):
    raise TypeError("not swallowed")
