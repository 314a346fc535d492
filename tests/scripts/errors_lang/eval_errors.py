print(eval("1 + 2 * 3"), eval("x * 2", {"x": 21}))
try:
    eval("y", {})
except NameError as e:
    print("NameError:", e)
eval("1 / 0")
