class CM:
    def __init__(self, n): self.n = n
    def __enter__(self):
        print("open", self.n)
        return self
    def __exit__(self, *a):
        print("close", self.n)
def reader(n):
    with CM(n):
        for i in range(2):
            yield n * 10 + i
print(list(reader(1)))
for v in reader(2):
    print("v", v)
