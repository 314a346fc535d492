def check(age):
    if age < 0:
        raise ValueError("age must be >= 0")
    if age > 200:
        raise ValueError
    return age
for a in [5, -1, 300]:
    try:
        print(check(a))
    except ValueError as e:
        print("ValueError", repr(e), e.args, str(e) == "")
try:
    raise TypeError("bad type", 42)
except TypeError as e:
    print(e, e.args, repr(e))
try:
    raise KeyError("missing")
except KeyError as e:
    print(e, repr(e))
try:
    raise NotImplementedError("todo")
except NotImplementedError as e:
    print(repr(e))
try:
    raise RuntimeError()
except RuntimeError as e:
    print(repr(e), e.args)
