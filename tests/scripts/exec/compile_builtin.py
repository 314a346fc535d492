c = compile("a * 2", "<expr>", "eval")
print(type(c).__name__, eval(c, {"a": 21}))
c2 = compile("r = [i * i for i in range(4)]", "<prog>", "exec")
ns = {}
exec(c2, ns)
print(ns["r"])
for k in range(3):
    print(eval(c, {"a": k}))
try:
    compile("x", "<s>", "bogus")
except ValueError as e:
    print("ValueError:", e)
