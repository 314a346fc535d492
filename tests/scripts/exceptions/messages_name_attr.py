def use_before():
    print(v)
    v = 1
tests = [lambda: nope, use_before, lambda: (5).foo, lambda: "s".nosuch, lambda: [].add, lambda: None.x,
         lambda: {}.append]
for t in tests:
    try:
        t()
    except (NameError, AttributeError) as e:
        print(type(e), e)
def f():
    try:
        return x_local
    except NameError as e:
        return str(e)
print(f())
