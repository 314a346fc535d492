class CM:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, typ, val, tb):
        print("exit", typ.__name__ if typ else None, val)
        return False
with CM():
    print("body")
with CM() as c:
    raise KeyError("inside")
