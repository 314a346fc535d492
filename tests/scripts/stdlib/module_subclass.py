# Subclasses of the module type (types.ModuleType): attributes in the module
# dict, methods, __getattr__; importlib.util, pkgutil, zipfile and runpy, which need them.
import types, sys
class M(types.ModuleType):
    kind = "custom"
    def hello(self):
        return "hello from " + self.__name__
    @property
    def prop(self):
        return len(self.__dict__)
m = M("mymod", "doc")
m.x = 5
print(type(m).__name__, m.__name__, m.__doc__, m.x, m.kind, m.hello(), isinstance(m, types.ModuleType))
print("x" in m.__dict__, m.__dict__["x"], sorted(k for k in vars(m) if not k.startswith("__")))
exec("y = x * 2", m.__dict__)
print(m.y, repr(m).startswith("<module 'mymod'"))
sys.modules["mymod"] = m
import mymod
print(mymod is m, mymod.y)
from mymod import x
print(x)
class Lazy(types.ModuleType):
    def __getattr__(self, name):
        return "lazy:" + name
l = Lazy("lz")
print(l.anything, l.__name__)
import importlib.util, pkgutil, zipfile, runpy
print(importlib.util.find_spec("json").name, importlib.util.module_from_spec(importlib.util.find_spec("json")).__name__)
print(sorted(m.name for m in pkgutil.iter_modules(["/usr/lib/python3.11/json"])))
import io
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w") as z:
    z.writestr("a.txt", "hello zip")
with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as z:
    print(z.namelist(), z.read("a.txt"))
# types.GenericAlias(origin, args), as os.PathLike[str] makes it; importlib.resources on it.
import os, types, importlib.resources
print(os.PathLike[str], types.GenericAlias(list, (int,)), types.GenericAlias(dict, (str, int)))
print(importlib.resources.files("json").joinpath("__init__.py").is_file())
