name = "World"
n = 42
print(f"Hello, {name}!")
print(f"{n} {n + 1} {n * 2}")
print(f"{'nested'} {name.upper()} {len(name)}")
print(f"{{braces}} {{{n}}}")
print(f"")
print(f"{1}{2}{3}")
x = [1, 2, 3]
print(f"list: {x}, first: {x[0]}, slice: {x[1:]}")
d = {"k": "v"}
print(f"dict: {d['k']} {d}")
print(F"capital F {n}")
print(f"{n if n > 40 else 0}")
print(f"{None} {True} {3.5}")
print(f'single {name}' + f"double {name}")
