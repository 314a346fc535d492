for v in [1, 1.5, "s", [], (), {}, set(), None, True, frozenset(), range(3), len, 2 ** 100]:
    print(type(v))
print(type(1) == int, type(True) == int, type(True) is bool, type("a") is str)
print(type(type(1)), int, str, float, list, dict)
def f():
    pass
print(type(f), type(lambda: 0))
print(type(1)(3.7), type("")(5), type([])("ab"))
