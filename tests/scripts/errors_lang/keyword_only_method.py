class C:
    def m(self, *, key):
        return key
print(C().m(key=1))
C().m(1)
