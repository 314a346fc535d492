class CM:
    def __init__(self, name, fail=False):
        self.name, self.fail = name, fail
    def __enter__(self):
        print("enter", self.name)
        if self.fail:
            raise ValueError(self.name)
        return self.name
    def __exit__(self, typ, val, tb):
        print("exit", self.name, typ.__name__ if typ else None)
with CM("a") as a, CM("b") as b:
    print(a, b)
with CM("c"), CM("d", fail=True), CM("e"):
    print("unreachable")
