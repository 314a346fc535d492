def outer():
    k = 3
    def inner():
        return eval("k * 2")
    try:
        return inner()
    except NameError as e:
        return "NameError: " + str(e)
print(outer())
print(eval("sum(x for x in range(5))"))
print(eval("max([3, 1, 2])", {}))
print(eval("len('abc')", {"__builtins__": __builtins__}))
