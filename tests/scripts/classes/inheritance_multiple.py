class A:
    def who(self): return "A"
    def hello(self): return "hello from A"
class B(A):
    def who(self): return "B" + super().who()
class C(A):
    def who(self): return "C" + super().who()
    def hello(self): return "hello from C"
class D(B, C):
    def who(self): return "D" + super().who()
d = D()
print(d.who())
print(d.hello())
print([k.__name__ for k in D.__mro__])
print(D.__bases__ == (B, C), D.__base__ is B)
class X: pass
class Y: pass
class Z(X, Y): pass
print([k.__name__ for k in Z.mro()] if hasattr(Z, "mro") else [k.__name__ for k in Z.__mro__])
