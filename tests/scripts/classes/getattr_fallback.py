class Proxy:
    def __init__(self, target):
        self.target = target
    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.target, name)
class T:
    x = 5
    def hi(self): return "hi"
p = Proxy(T())
print(p.x, p.hi(), p.target.x)
print(hasattr(p, "y"), hasattr(p, "_secret"), getattr(p, "_z", "dflt"))
try:
    p.missing
except AttributeError as e:
    print("AttributeError:", e)
class Dyn:
    def __getattr__(self, name):
        return name.upper()
d = Dyn()
d.real = 1
print(d.real, d.foo, d.bar_baz)
