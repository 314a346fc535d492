# The descriptor protocol: data descriptors (__get__ + __set__/__delete__)
# win over the instance dict, non-data descriptors lose to it, __set_name__,
# access through the class (instance None), functions/classmethod/
# staticmethod/property as descriptors, __class_getitem__, and the errors.
# Loops make the JIT record the lookups too.
class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name
        self.owner = owner.__name__
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f"{self.name[1:]} must be int, not {type(value).__name__}")
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        delattr(obj, self.name)

class Lazy:
    def __init__(self, fn):
        self.fn = fn
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        value = self.fn(obj)
        obj.__dict__[self.fn.__name__] = value
        return value

class ReadOnly:
    def __get__(self, obj, objtype=None):
        return 42
    def __set__(self, obj, value):
        raise AttributeError("read-only attribute")

class Point:
    x = Typed()
    y = Typed()
    answer = ReadOnly()
    calls = 0
    def __init__(self, x, y):
        self.x, self.y = x, y
    @Lazy
    def norm2(self):
        Point.calls += 1
        return self.x * self.x + self.y * self.y
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__}]"

p = Point(3, 4)
print(p.x, p.y, p.norm2, p.norm2, Point.calls, sorted(vars(p)))
print(type(Point.x).__name__, Point.x.name, Point.x.owner, Point[int], Point[str])
p.__dict__["x"] = 99        # a data descriptor wins over the instance dict
print(p.x, p.__dict__["x"])
try:
    p.x = "no"
except TypeError as e:
    print("TypeError", e)
del p.y
print(p.y, hasattr(p, "_y"))
try:
    p.answer = 1
except AttributeError as e:
    print("AttributeError", e)
print(p.answer)
total = 0
for i in range(300):          # hot: recorded by the JIT
    q = Point(i, i + 1)
    q.x = q.x + 1
    total += q.x + q.y + q.norm2 + q.answer
print(total, Point.calls)

def f(self, a):
    return (self, a)
bound = f.__get__(p, Point)
print(bound(1)[1], bound.__self__ is p, f.__get__(None, Point) is f)
class K:
    @classmethod
    def c(cls): return cls.__name__
    @staticmethod
    def s(v): return v * 2
    @property
    def pr(self): return "prop"
print(K.__dict__["c"].__get__(None, K)(), K.__dict__["s"].__get__(None, K)(5), K.__dict__["pr"].__get__(K(), K))
print(type(K.__dict__["pr"]).__get__(K.__dict__["pr"], None, K) is K.__dict__["pr"])
class Sub(list):
    def __class_getitem__(cls, item):
        return ("Sub", item)
print(Sub[int], list[int], dict[str, int])
try:
    Point.x.__set__(p, 1.5)
except TypeError as e:
    print("TypeError", e)
try:
    K().pr = 1
except AttributeError as e:
    print("AttributeError", e)
class NoClassGetitem:
    pass
try:
    NoClassGetitem[int]
except TypeError as e:
    print("TypeError", e)
# A bound builtin method is no descriptor: stored in a class, it is called as is.
class It:
    __next__ = iter([1, 2, 3]).__next__
    def __iter__(self):
        return self
print(list(It()))
class It2:
    __next__ = (c for c in "ab").__next__
print(next(It2()), next(It2()), next(It2(), "done"))
