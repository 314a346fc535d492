class Counter:
    def __init__(self): self.entered = 0; self.exited = 0; self.depth = 0
    def __enter__(self):
        self.entered += 1
        self.depth += 1
        return self
    def __exit__(self, *a):
        self.exited += 1
        self.depth -= 1
c = Counter()
for i in range(1000):
    with c:
        with c:
            pass
print(c.entered, c.exited, c.depth)
