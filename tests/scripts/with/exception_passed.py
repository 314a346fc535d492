class CM:
    def __enter__(self): return "resource"
    def __exit__(self, et, ev, tb):
        print("exit got", et.__name__ if et else None, repr(ev), tb is None)
try:
    with CM() as r:
        print("using", r)
        raise KeyError("boom")
except KeyError as e:
    print("propagated", e)
