exec("x = 5\ny = x * 2")
print(x, y)
g = {}
exec("a = 1\nb = a + 1", g)
print(g["a"], g["b"], "__builtins__" in g)
ns = {"n": 10}
exec("def sq(k): return k * k + n", ns)
print(ns["sq"](3))
exec("print('printed from exec')")
code = "for i in range(3):\n    print('loop', i)"
exec(code)
