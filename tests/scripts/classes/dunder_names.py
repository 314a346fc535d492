class Outer:
    """Doc of Outer."""
    class Inner:
        def method(self): pass
    def meth(self): pass
print(Outer.__name__, Outer.__qualname__, Outer.__module__, Outer.__doc__)
print(Outer.Inner.__name__, Outer.Inner.__qualname__)
print(Outer.Inner.method.__qualname__, Outer.meth.__name__, Outer.meth.__qualname__)
def factory():
    class Local:
        pass
    return Local
L = factory()
print(L.__name__, L.__qualname__)
print(repr(Outer).startswith("<class '__main__.Outer'"), repr(Outer.Inner))
print(type(Outer()).__name__, Outer().__class__.__name__)
print(Outer.__dict__["__doc__"], "meth" in Outer.__dict__)
class NoDoc: pass
print(NoDoc.__doc__)
