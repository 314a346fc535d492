def inner():
    raise ValueError("original")
def middle():
    try:
        inner()
    except ValueError:
        print("middle saw it, re-raising")
        raise
try:
    middle()
except ValueError as e:
    print("outer caught:", e)
def handler():
    try:
        {}[1]
    except KeyError as e:
        print("log", repr(e))
        raise
try:
    handler()
except KeyError as e:
    print("again", e)
