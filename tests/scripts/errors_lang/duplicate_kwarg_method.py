class C:
    def m(self, a, b=2):
        return a, b
print(C().m(1, b=3))
C().m(1, a=2)
