class Base:
    def __init__(self):
        self.log = ["Base"]
    def f(self):
        return "Base.f"
    @classmethod
    def make(cls):
        return cls.__name__ + " made by Base"
    @staticmethod
    def st():
        return "Base.st"
class Mid(Base):
    def __init__(self):
        super(Mid, self).__init__()
        self.log.append("Mid")
    def f(self):
        return "Mid>" + super().f()
    @classmethod
    def make(cls):
        return "Mid>" + super().make()
class Leaf(Mid):
    def __init__(self):
        super().__init__()
        self.log.append("Leaf")
    def f(self):
        inner = lambda: super(Leaf, self).f()
        return "Leaf>" + inner()
    def g(self):
        return super().st()
l = Leaf()
print(l.log, l.f(), Leaf.make(), l.g())
print(super(Leaf, l).f(), super(Mid, l).f())
try:
    super(Leaf, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    super(3, l)
except TypeError as e:
    print("TypeError:", e)
def nosuper():
    return super()
try:
    nosuper()
except RuntimeError as e:
    print("RuntimeError:", e)
