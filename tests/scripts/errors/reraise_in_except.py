def a():
    return {}["missing"]
def b():
    try:
        a()
    except KeyError:
        raise RuntimeError("lookup failed")
b()
