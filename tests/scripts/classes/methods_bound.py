class A:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
    def add(self, n):
        self.v += n
        return self
a = A(5)
m = a.get
print(m())
a.add(3).add(4)
print(a.get(), m())
f = A.get
print(f(a))
print(A.add(a, 1).v)
ms = [A(i).get for i in range(3)]
print([g() for g in ms])
print(type(m).__name__, m.__self__ is a, m.__func__ is A.get)
