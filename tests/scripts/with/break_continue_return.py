class CM:
    def __init__(self, n): self.n = n
    def __enter__(self): return self.n
    def __exit__(self, *a):
        print("exit", self.n)
for i in range(4):
    with CM(i) as v:
        if v == 1:
            continue
        if v == 3:
            break
        print("body", v)
def f():
    for i in range(3):
        with CM("f%d" % i):
            if i == 1:
                return "returned at 1"
print(f())
def g():
    with CM("outer"):
        with CM("inner"):
            return "nested"
print(g())
def h():
    try:
        with CM("in try"):
            return "from try"
    finally:
        print("finally")
print(h())
