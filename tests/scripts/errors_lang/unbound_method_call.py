class C:
    def m(self):
        return "ok"
print(C.m(C()))
C.m()
