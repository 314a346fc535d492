# __getnewargs__ of the immutable builtins: (the plain value,), which copy
# and pickle pass to __new__ (also for subclasses).
import copy

print((1).__getnewargs__(), (2**80).__getnewargs__(), True.__getnewargs__(), (-5).__getnewargs__())
print((1.5).__getnewargs__(), "abc".__getnewargs__(), (1, 2).__getnewargs__(), ().__getnewargs__())
print(b"xy".__getnewargs__(), int.__getnewargs__(7), str.__getnewargs__("s"))


class MyInt(int):
    pass


class MyStr(str):
    def __str__(self):
        return "overridden"


class MyTuple(tuple):
    pass


for v in (MyInt(42), MyInt(2**70), MyStr("text"), MyTuple((1, 2))):
    args = v.__getnewargs__()
    print(type(v).__name__, args, type(args[0]).__name__)
    c = copy.copy(v)
    print("  copy:", type(c).__name__, c == v)
try:
    (1).__getnewargs__(2)
except TypeError as e:
    print(e)
