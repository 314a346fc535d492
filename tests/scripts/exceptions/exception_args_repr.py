for exc in [ValueError(), ValueError("one"), ValueError("a", "b"), KeyError("k"), KeyError(1),
            IndexError("i"), TypeError(None), ZeroDivisionError("zd"), StopIteration(5),
            AssertionError("m"), OverflowError("big"), RuntimeError(1, 2, 3), Exception("base")]:
    print(repr(exc), "|", str(exc), "|", exc.args)
