print(eval("1 + 2 * 3"))
x = 10
print(eval("x * x"), eval("[i for i in range(x) if i % 3 == 0]"))
print(eval("a + b", {"a": 1, "b": 2}))
print(eval("a * c", {"a": 2}, {"c": 21}))
def f():
    y = 7
    return eval("y + 1")
print(f())
print(eval("  42"), eval("(lambda q: q * 3)(4)"), eval("'s' * 3"))
print(eval("{'k': [1, 2]}")["k"])
