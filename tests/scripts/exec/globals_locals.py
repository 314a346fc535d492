gv = 1
print(globals()["gv"], "gv" in globals())
globals()["injected"] = "yes"
print(injected)
def f(a, b=2):
    c = a + b
    return sorted(locals().items())
print(f(1))
class K:
    x = 1
    names = sorted(k for k in locals() if not k.startswith("__"))
print(K.names)
def g():
    return globals() is globals()
print(g(), vars()["gv"])
