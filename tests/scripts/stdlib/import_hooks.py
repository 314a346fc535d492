# Imports beyond the import statement: objects other than modules in sys.modules,
# None there, builtins.__import__ replaced, importlib.import_module and
# importlib's own finders (PathFinder, FileFinder, SourceFileLoader), types.ModuleType.
import sys, builtins
class Fake:
    value = 42
    def __getattr__(self, name):
        return "attr:" + name
sys.modules["fakemod"] = Fake()
import fakemod
print(type(fakemod).__name__, fakemod.value, fakemod.other)
from fakemod import value, anything
print(value, anything)
sys.modules["nonemod"] = None
try:
    import nonemod
except ImportError as e:
    print(type(e).__name__, e)
orig = builtins.__import__
seen = []
def my_import(name, globals=None, locals=None, fromlist=(), level=0):
    if globals is not None and globals.get("__name__") == "__main__":
        seen.append((name, tuple(fromlist or ()), level))
    return orig(name, globals, locals, fromlist, level)
builtins.__import__ = my_import
import json
from os import path
import os.path as osp
builtins.__import__ = orig
print(seen)
def blocker(name, *args, **kw):
    if name == "zlib":
        raise ImportError("blocked " + name)
    return orig(name, *args, **kw)
builtins.__import__ = blocker
try:
    import zlib
except ImportError as e:
    print(e)
builtins.__import__ = orig
import importlib
print(importlib.import_module("json").dumps([1]), importlib.import_module("os.path") is sys.modules["os.path"])
print(importlib.import_module(".decoder", "json").__name__)
m = importlib.import_module("xml.dom")
print(m.__name__, m.__spec__.name, m.__spec__.origin.endswith("xml/dom/__init__.py"))
try:
    importlib.import_module("no_such_mod_x")
except ModuleNotFoundError as e:
    print(e)
import importlib.machinery
print(importlib.machinery.PathFinder.find_spec("json") is not None, importlib.machinery.PathFinder.find_spec("no_such_x"))
spec = importlib.machinery.PathFinder.find_spec("textwrap")
mod = importlib._bootstrap.module_from_spec(spec)
spec.loader.exec_module(mod)
print(mod.__name__, mod.__file__ == spec.origin, mod.dedent("  a\n  b"), mod is not sys.modules.get("textwrap"))
importlib.invalidate_caches()
import types
m = types.ModuleType("made", "its doc")
print(m.__name__, m.__doc__, m.__spec__, repr(m).startswith("<module 'made'"))
