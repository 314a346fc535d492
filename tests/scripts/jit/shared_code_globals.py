# One code object run with several globals dicts: exec of a compiled module in
# two namespaces (the loop and the function it defines get hot in the first),
# and types.FunctionType over one function's code. Each globals dict must see
# its own values: compiled traces fold a globals dict and its entries.
import types

src = """
def f():
    t = 0
    for i in range(300):
        t += x
    return t
r = 0
for j in range(60):
    r += f()
"""
c = compile(src, "<shared>", "exec")
for x in (1, 2, 3):
    ns = {"x": x}
    exec(c, ns)
    print(ns["r"], ns["f"]())


def scaled(n):
    total = 0
    for i in range(n):
        total += factor * i
    return total


fns = [types.FunctionType(scaled.__code__, {"factor": k}) for k in (1, 10, 100)]
for _ in range(40):
    out = [fn(50) for fn in fns]
print(out)
factor = 7
print(scaled(50), [fn(50) for fn in fns])
