class Config:
    debug = False
    def is_debug(self):
        return self.debug
c = Config()
results = []
for i in range(20):
    if i == 10:
        Config.debug = True
    results.append(c.is_debug())
print(results)
def new_method(self):
    return "patched"
Config.is_debug = new_method
print(c.is_debug())
del Config.is_debug
try:
    c.is_debug()
except AttributeError as e:
    print("AttributeError:", e)
class Base:
    def f(self): return "base"
class Derived(Base): pass
d = Derived()
out = []
for i in range(6):
    if i == 3:
        Base.f = lambda self: "changed"
    out.append(d.f())
print(out)
