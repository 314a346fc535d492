class A:
    @property
    def v(self):
        return 1
    @v.setter
    def v(self, value):
        print("set", value)
a = A()
a.v = 5
print(a.v)
del a.v
