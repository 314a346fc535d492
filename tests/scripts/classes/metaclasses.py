# Metaclasses: __prepare__, __new__/__init__ with keywords, __call__, methods
# and properties of the metaclass seen on its classes, inheritance.
class Registry(type):
    classes = []

    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, [b.__name__ for b in bases], kw)
        return {"registered_by": mcls.__name__}

    def __new__(mcls, name, bases, ns, **kw):
        ns["tag"] = kw.get("tag", "none")
        cls = super().__new__(mcls, name, bases, ns)
        mcls.classes.append(name)
        return cls

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.initialized = True

    def __call__(cls, *args, **kw):
        print("creating", cls.__name__, args, kw)
        obj = super().__call__(*args, **kw)
        obj.created_by_meta = True
        return obj

    def __len__(cls):
        return len(cls.__name__)

    def __iter__(cls):
        return iter(sorted(k for k in vars(cls) if not k.startswith("_")))

    def __getitem__(cls, key):
        return f"{cls.__name__}[{key}]"

    def __repr__(cls):
        return f"<registered {cls.__name__}>"

    @property
    def shout(cls):
        return cls.__name__.upper()


class Base(metaclass=Registry, tag="base"):
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
        super().__init_subclass__()

    def __init__(self, x=0):
        self.x = x


class Child(Base, tag="child", extra=1):
    y = 2


c = Child(5, )
print(c.x, c.created_by_meta, Child.tag, Base.tag, Child.registered_by, Child.initialized)
print(type(Child) is Registry, isinstance(Child, type), isinstance(Child, Registry), Registry.classes)
print(len(Child), list(Child), Child["k"], repr(Child), Child.shout)
print(issubclass(Registry, type), type(Registry) is type, Registry.__mro__ == (Registry, type, object))

# type() with three arguments, with and without a metaclass of its own.
Point = type("Point", (object,), {"x": 1, "norm": lambda self: self.x * 2})
p = Point()
print(Point.__name__, p.norm(), type(Point) is type)
Made = Registry("Made", (), {"z": 3})
print(Made.z, Made.tag, Made.initialized, repr(Made))


# A metaclass __setattr__ guarding class attributes (as enum's does).
class Frozen(type):
    def __setattr__(cls, name, value):
        if name.isupper():
            raise AttributeError(f"cannot reassign {name}")
        super().__setattr__(name, value)


class Consts(metaclass=Frozen):
    PI = 3


Consts.other = 4
try:
    Consts.PI = 4
except AttributeError as e:
    print("AttributeError:", e)
print(Consts.PI, Consts.other)


# A namespace from __prepare__ that is a dict subclass sees every binding.
class Recording(dict):
    def __setitem__(self, key, value):
        if not key.startswith("__"):
            print("bind", key)
        super().__setitem__(key, value)


class Recorder(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Recording()


class Body(metaclass=Recorder):
    a = 1
    b = a + 1

    def method(self):
        return self.b


print(Body().method(), Body.a, "method" in Body.__dict__)
