class A: pass
print(isinstance(A(), A), issubclass(A, object))
try:
    isinstance(A(), 5)
except TypeError as e:
    print("TypeError:", e)
issubclass(A(), A)
