class A:
    pass
a = A()
a.v = 1
del a.v
print(hasattr(a, "v"))
del a.v
