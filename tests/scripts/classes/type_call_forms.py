class A: pass
print(type(A()) is A, type(3), type("s"), type(A))
print(type(type), type(None).__name__, type(len).__name__)
try:
    type()
except TypeError as e:
    print("TypeError:", e)
print(isinstance(A, type), isinstance(int, type), A.__class__ is type)
