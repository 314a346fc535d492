class Temp:
    def __init__(self):
        self._c = 20
    @property
    def celsius(self):
        return self._c
t = Temp()
print(t.celsius)
t.celsius = 30
