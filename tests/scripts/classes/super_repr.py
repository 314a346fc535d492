# repr(super()) names the class it starts after and the type of its object.
class A:
    def f(self):
        return repr(super())


class B(A):
    def f(self):
        print(repr(super()))
        return super().f()

    @classmethod
    def g(cls):
        return repr(super())


print(B().f())
print(B.g())
print(repr(super(B, B)))
print(repr(super(A, B())))
print(str(super(B, B())))
print(super(B, B()).__repr__()[:14])


class WithRepr:
    def __repr__(self):
        return "WithRepr()"


class C(WithRepr):
    def show(self):
        return repr(super()), super().__repr__()


print(C().show())
