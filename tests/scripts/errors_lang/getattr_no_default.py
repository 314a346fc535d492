class A:
    pass
a = A()
setattr(a, "v", 5)
print(getattr(a, "v"), getattr(a, "w", None))
getattr(a, "w")
