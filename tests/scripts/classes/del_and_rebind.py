class A:
    def __init__(self):
        self.x = 1
        self.y = 2
        self.z = 3
a = A()
del a.y
print(a.__dict__)
a.y = 5
print(a.__dict__, a.x, a.y, a.z)
b = A()
del b.x
del b.z
print(b.__dict__)
try:
    del b.x
except AttributeError as e:
    print("AttributeError:", e)
