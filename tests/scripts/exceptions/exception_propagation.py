def level3(x):
    return 10 // x
def level2(x):
    return level3(x) + 1
def level1(x):
    try:
        return level2(x)
    except ZeroDivisionError as e:
        print("level1 caught:", e)
        return -1
print(level1(5), level1(0))
def validate(items):
    out = []
    for it in items:
        try:
            out.append(int(it))
        except ValueError:
            out.append(None)
    return out
print(validate(["1", "x", "3", "", "-4"]))
