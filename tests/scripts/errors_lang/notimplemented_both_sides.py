class A:
    def __eq__(self, o):
        return NotImplemented
    def __lt__(self, o):
        return NotImplemented
print(A() == A(), A() != A())
A() < A()
