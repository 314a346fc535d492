class Thing:
    def __init__(self):
        self.name = "t"
    def show(self):
        return self.nmae
print(Thing().name)
Thing().show()
