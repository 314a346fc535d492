import sys
sys.path.insert(0, "_modules")
def use():
    import geometry
    from counter_mod import bump
    return geometry.PI, bump()
print(use())
print(use())
print("geometry" in dir() if False else "ok")
