class A:
    @property
    def broken(self):
        return self.missing + 1
a = A()
print(hasattr(a, "broken"))
a.broken
