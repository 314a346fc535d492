class CM:
    def __enter__(self): return self
    def __exit__(self, et, ev, tb):
        print("exit", et.__name__ if et else None)
try:
    try:
        raise KeyError("a")
    except KeyError:
        with CM():
            raise ValueError("b")
except ValueError as e:
    print("outer caught", e, repr(e.__context__))
import sys
with CM():
    try:
        raise IndexError("i")
    except IndexError:
        pass
print("done")
