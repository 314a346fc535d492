# dir(): sorted, without duplicates, an instance's own attributes with its
# class's and the bases', __class__ (and __dict__/__weakref__ for a class
# written in Python), a user __dir__, object.__dir__, dir() of locals.


def show(f):
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(r)


class Base:
    base_attr = 1

    def base_method(self):
        pass


class Derived(Base):
    derived_attr = 2

    def __init__(self):
        self.own = 3


d = Derived()
names = dir(d)
print(names == sorted(names), len(names) == len(set(names)))
print([n for n in names if not n.startswith("__")])
print([n for n in dir(Derived) if not n.startswith("__")])
for n in ("__class__", "__dict__", "__weakref__", "__init__", "__module__", "__dir__", "__repr__"):
    print(n, n in names, n in dir(Derived))
print("__dict__" in dir(object()), "__class__" in dir(object()), "__class__" in dir(int))
print(sorted(d.__dir__()) == names, sorted(object.__dir__(d)) == names, type(d.__dir__()).__name__)


class Custom:
    def __dir__(self):
        return ["zeta", "alpha", "mid"]


print(dir(Custom()))


class BadDir:
    def __dir__(self):
        return 5


show(lambda: dir(BadDir()))


def local_names():
    first = 1
    second = 2
    return dir()


print(local_names())
import math

print("sqrt" in dir(math), "__name__" in dir(math), "__class__" in dir(math), dir(math) == sorted(dir(math)))
print([n for n in dir([]) if not n.startswith("_")])
print([n for n in dir({}) if not n.startswith("_")])
print([n for n in dir(1) if not n.startswith("_")])
print([n for n in dir(1.5) if not n.startswith("_")])
show(lambda: dir(1, 2))
show(lambda: dir(x=1))
