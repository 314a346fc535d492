class CM:
    def __init__(self, name): self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return False
with CM("a") as c:
    print("body", c.name)
with CM("b"):
    print("no as")
def f(cm):
    with cm as x:
        return x.name
print(f(CM("ret")))
