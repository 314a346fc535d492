class O: pass
class F(O): pass
class E(O): pass
class D(O): pass
class C(D, F): pass
class B(D, E): pass
class A(B, C): pass
print([k.__name__ for k in A.__mro__])
class K1(O): pass
class K2(O): pass
class K3(O): pass
class Z1(K1, K2, K3): pass
class Z2(K3, K2): pass
try:
    class Bad(Z1, Z2): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Dup(O, O): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Bad2(O, F): pass
except TypeError as e:
    print("TypeError:", e)
