class M:
    def inst(self, *a, **k): return ("inst", a, sorted(k.items()))
    @classmethod
    def cls(cls, *a): return ("cls", cls.__name__, a)
    @staticmethod
    def st(*a): return ("st", a)
m = M()
print(m.inst(1, x=2))
print(m.cls(1), M.cls(2))
print(m.st(3), M.st(4))
f = m.cls
print(f(), M.__dict__["st"].__func__(5))
args = (1, 2)
print(m.inst(*args, **{"z": 3}))
