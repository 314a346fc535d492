class A:
    @property
    def p(self): raise AttributeError("x")
    def __getattr__(self, n):
        if n == "g": return 5
        raise AttributeError(n)
class B:
    def __getattribute__(self, n):
        if n == "z": return 1
        raise AttributeError(n)
class C:
    @property
    def q(self): raise KeyError("k")
import sys
a = A()
print(getattr(a, "p", 1), getattr(a, "g", 2), getattr(a, "h", 3), hasattr(a, "p"), hasattr(a, "g"), hasattr(a, "h"))
print(getattr(B(), "z", 0), getattr(B(), "y", 0), hasattr(B(), "z"), hasattr(B(), "y"))
try: getattr(C(), "q", 0)
except KeyError as e: print("KeyError", e)
print(getattr(sys, "nope", "d"), hasattr(sys, "path"), getattr(1, "real", 0), getattr(1, "x", 0), getattr(int, "x", 7), hasattr(int, "bit_length"))
import types
m = types.ModuleType("m"); m.__getattr__ = lambda n: 42 if n == "a" else (_ for _ in ()).throw(AttributeError(n))
print(getattr(m, "a", 0), getattr(m, "b", 0), hasattr(m, "a"), hasattr(m, "b"))
