tests = [lambda: int("12x"), lambda: int("  "), lambda: float("x1"), lambda: int([1]), lambda: float([]),
         lambda: int(None), lambda: int("5", 1), lambda: chr("a"), lambda: ord(""), lambda: sum(["a"]),
         lambda: sorted([1, "a"]), lambda: max([]), lambda: min(), lambda: iter(5), lambda: next([1]),
         lambda: hash([]), lambda: {[]: 1}, lambda: list(1), lambda: "".join([1]), lambda: "x".zfill("y"),
         lambda: range("a"), lambda: round("x"), lambda: pow(2, 2, 0)]
for t in tests:
    try:
        print("no error", t())
    except Exception as e:
        print(type(e), e)
