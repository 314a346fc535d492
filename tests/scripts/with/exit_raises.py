class BadExit:
    def __enter__(self): return self
    def __exit__(self, *a):
        raise ValueError("exit failed")
try:
    with BadExit():
        print("body")
except ValueError as e:
    print("ValueError:", e)
try:
    with BadExit():
        raise KeyError("original")
except ValueError as e:
    print("ValueError:", e, "context:", repr(e.__context__))
class BadEnter:
    def __enter__(self): raise RuntimeError("enter failed")
    def __exit__(self, *a):
        print("exit should not run")
try:
    with BadEnter():
        print("no")
except RuntimeError as e:
    print("RuntimeError:", e)
