try:
    import no_such_module_xyz
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name if False else "")
try:
    from no_such_module_xyz import thing
except ImportError as e:
    print("ImportError:", type(e).__name__, e)
try:
    import math.nothing
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
print(issubclass(ModuleNotFoundError, ImportError))
