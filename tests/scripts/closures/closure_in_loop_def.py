def build():
    out = []
    for name in ["x", "y", "z"]:
        def show(n=name):
            return "name=" + n
        out.append(show)
    return out
print([f() for f in build()])
def gen_powers(n):
    res = []
    for p in range(n):
        res.append(lambda x, p=p: x ** p)
    return res
print([f(2) for f in gen_powers(6)])
