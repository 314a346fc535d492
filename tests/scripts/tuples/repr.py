print((1,), (1, 2), (), ((),), (None, "a", 1.5))
print(repr((1, "x")), str(("q",)), [(1, 2)], ((1, 2), [3]))
print(tuple(range(5)), tuple([]))
