class C:
    def m(self, a):
        return a
c = C()
print(c.m(1))
c.m(1, 2)
