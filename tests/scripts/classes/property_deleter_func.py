class P:
    def __init__(self):
        self._x = 1
    def getx(self):
        print("get")
        return self._x
    def setx(self, v):
        print("set", v)
        self._x = v
    def delx(self):
        print("del")
        del self._x
    x = property(getx, setx, delx)
p = P()
print(p.x)
p.x = 7
print(p.x)
del p.x
try:
    p.x
except AttributeError as e:
    print("AttributeError:", e)
