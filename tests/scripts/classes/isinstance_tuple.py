class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, (C, A)), isinstance(b, (C, int)), isinstance(b, object), isinstance(A, type))
print(issubclass(B, (C, A)), issubclass(B, object), issubclass(bool, int), issubclass(type, object))
print(type(b) is B, type(b) == A, type(type(b)))
try:
    isinstance(b, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(b, A)
except TypeError as e:
    print("TypeError:", e)
print(isinstance(ValueError("x"), Exception), issubclass(KeyError, LookupError))
