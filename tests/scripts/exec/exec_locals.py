g = {"base": 100}
l = {}
exec("v = base + 1\nw = v * 2", g, l)
print(sorted(l.items()), "v" in g)
def f():
    loc = {}
    exec("z = 42", {}, loc)
    return loc["z"]
print(f())
def shows_locals():
    a = 1
    exec("print(a + 1)")
shows_locals()
