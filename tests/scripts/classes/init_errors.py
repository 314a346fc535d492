class A:
    def __init__(self, x, y=2):
        self.x = x
try:
    A()
except TypeError as e:
    print("TypeError:", e)
try:
    A(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    A(1, z=3)
except TypeError as e:
    print("TypeError:", e)
class B: pass
try:
    B(1)
except TypeError as e:
    print("TypeError:", e)
class C:
    def __init__(self):
        return 5
try:
    C()
except TypeError as e:
    print("TypeError:", e)
class D:
    def m(self): pass
try:
    D().m(1)
except TypeError as e:
    print("TypeError:", e)
try:
    D.m()
except TypeError as e:
    print("TypeError:", e)
class E:
    def __init__(self):
        super().__init__(1)
try:
    E()
except TypeError as e:
    print("TypeError:", e)
