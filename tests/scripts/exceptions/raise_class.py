try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
try:
    raise IndexError
except LookupError as e:
    print(repr(e))
try:
    raise 5
except TypeError as e:
    print("TypeError:", e)
for cls in [ValueError, TypeError, KeyError]:
    try:
        raise cls("dyn")
    except Exception as e:
        print(type(e), e)
