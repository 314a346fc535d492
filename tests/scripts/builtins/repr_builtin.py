print(repr(1), repr(1.0), repr("a"), repr([1, "a"]), repr((1,)), repr({1: "a"}), repr({1}), repr(None), repr(True))
print(repr(range(3)), repr(range(1, 5, 2)), repr(""), repr("'"), repr('"'))
print(repr(float("inf")), repr(-0.0), repr(1e-7), repr(2 ** 70))
print(str(repr("x")), repr(repr("x")))
