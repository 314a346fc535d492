class C:
    @staticmethod
    def s(a):
        return a * 2
    @classmethod
    def k(cls, a):
        return cls.__name__, a
print(C.s(2), C().s(3), C.k(1), C().k(2))
try:
    C.k()
except TypeError as e:
    print("TypeError:", e)
C.s()
