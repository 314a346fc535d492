class A:
    def __repr__(self):
        return "A()"
print(repr(A()), str(A()))
class B:
    def __str__(self):
        return 42
str(B())
