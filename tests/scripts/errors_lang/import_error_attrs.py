for name in ["no_such_mod_xyz", "math.sub", "os.path.nope"]:
    try:
        __import__(name) if False else exec("import " + name)
    except ModuleNotFoundError as e:
        print(type(e).__name__, "|", e, "|", e.name, "|", e.path, "|", e.msg)
import math
try:
    from math import tau, nope
except ImportError as e:
    print(type(e).__name__, e.name, isinstance(e, ModuleNotFoundError))
from no_such_package_q.sub import thing
