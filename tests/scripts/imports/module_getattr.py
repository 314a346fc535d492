# PEP 562: a module's __getattr__ for the names it lacks (attribute access,
# getattr/hasattr, from-import); os.path reaches CPython's posixpath through
# one; sys.excepthook prints the traceback; os.fspath.
import os
import sys

sys.path.insert(0, "_modules")
import lazy_mod

print(lazy_mod.ab, getattr(lazy_mod, "zz", 0), hasattr(lazy_mod, "q"), lazy_mod.real, getattr(lazy_mod, "bx", "dflt"))
from lazy_mod import xy

print(xy)
try:
    lazy_mod.bad
except AttributeError as e:
    print("AttributeError", e)
try:
    from lazy_mod import bad
except ImportError as e:
    print("ImportError", str(e).split(" (")[0])
print(lazy_mod.__name__, "__getattr__" in dir(lazy_mod))
print(os.path.normcase("/A/b"), os.path.commonprefix(["/usr/lib", "/usr/local"]), os.path.relpath("/a/b/c", "/a"))


class P:
    def __fspath__(self):
        return "/p"


print(os.fspath("x"), os.fspath(b"y"), os.fspath(P()))
for bad in (3, None):
    try:
        os.fspath(bad)
    except TypeError as e:
        print("TypeError", e)
print(sys.excepthook is sys.__excepthook__, callable(sys.excepthook))
