tests = [lambda: [1, 2][5], lambda: (1,)[3], lambda: "ab"[9], lambda: {"a": 1}["b"], lambda: {1: 2}[3],
         lambda: {(1, 2): 0}[(3, 4)], lambda: [].pop(), lambda: {}.popitem(), lambda: set().pop(),
         lambda: [1][None], lambda: "x"["y"], lambda: (1, 2)["0"], lambda: 5[0], lambda: None[0],
         lambda: len, lambda: [1, 2].index(9), lambda: "abc".index("z")]
for t in tests:
    try:
        r = t()
        print("no error", type(r))
    except Exception as e:
        print(type(e), e)
