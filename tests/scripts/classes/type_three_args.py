# type(name, bases, dict): the new class's __module__ is the caller's module,
# __qualname__ must be a str, the class keeps a copy of the dict, and a
# non-type base is a metaclass conflict.


def show(f):
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(r)


class A:
    a = 1

    def m(self):
        return "m"


ns = {"c": 3, "m2": lambda self: 5}
X = type("X", (A,), ns)
print(X, X.__name__, X.__qualname__, X.__module__, X.__bases__)
print(X().m(), X().m2(), X.c, X.a, isinstance(X(), A))
ns["later"] = 1
print(hasattr(X, "later"), "__module__" in ns)
Y = type("Y", (), {})
print(Y.__mro__, repr(Y()).startswith("<__main__.Y object"))
print(type("Q", (), {"__qualname__": "Outer.Q"}).__qualname__)
print(type("M", (), {"__module__": "elsewhere"}).__module__)


def make():
    return type("Local", (), {})


print(make().__module__, make().__qualname__)
show(lambda: type("Z", 1, {}))
show(lambda: type("Z", (), 1))
show(lambda: type(1, (), {}))
show(lambda: type("Z", (1,), {}))
show(lambda: type.__new__(type, "Z", (1,), {}))
show(lambda: type("Z", (A, 2), {}))
show(lambda: type("Z", (bool,), {}))
show(lambda: type("Z", (), {"__qualname__": 1}))
show(lambda: type("Z", (), {}, 1))
show(lambda: type())
show(lambda: type(1, 2))
