class Bad:
    def __enter__(self):
        return 1
    def __exit__(self, *a):
        raise RuntimeError("exit failed")
try:
    with Bad():
        raise ValueError("original")
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__context__).__name__)
with Bad() as x:
    print("x =", x)
