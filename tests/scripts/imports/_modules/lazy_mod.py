# A module with a PEP 562 __getattr__ (tests/scripts/imports/module_getattr.py).
real = 1


def __getattr__(name):
    if name.startswith("b") or name == "q":
        raise AttributeError(f"no {name} here")
    return name * 2
