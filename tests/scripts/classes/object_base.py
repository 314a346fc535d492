class A(object):
    pass
a = A()
print(isinstance(a, object), A.__bases__ == (object,), A.__mro__ == (A, object))
o = object()
print(type(o).__name__)
try:
    o.x = 1
except AttributeError as e:
    print("AttributeError:", e)
print(object.__name__, repr(object))
class B:
    def __new__(cls, *args):
        print("new", cls.__name__, args)
        inst = super().__new__(cls)
        inst.created = True
        return inst
    def __init__(self, v):
        print("init", v)
        self.v = v
b = B(5)
print(b.created, b.v)
class Single:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = object.__new__(cls)
        return cls._inst
print(Single() is Single())
class NotMine:
    def __new__(cls):
        return 42
print(NotMine())
