class Bad:
    def __enter__(self):
        raise OSError("cannot enter")
    def __exit__(self, *a):
        print("exit should not run")
try:
    with Bad():
        print("not here")
except OSError as e:
    print("OSError:", e)
with Bad(), open("x"):
    pass
