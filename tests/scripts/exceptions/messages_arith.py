tests = [lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 / 0, lambda: divmod(1, 0),
         lambda: 0 ** -1, lambda: 1 + "a", lambda: "a" + 1, lambda: "a" * "b",
         lambda: [1] + (2,), lambda: -"x", lambda: ~1.5, lambda: 1 < "a", lambda: None + None,
         lambda: "a" - "b", lambda: [] * 2.0, lambda: {} + {}, lambda: 5 & 1.0,
         lambda: 1 << -1, lambda: "%d" % "x", lambda: abs("x"), lambda: len(5)]
for t in tests:
    try:
        print("no error", t())
    except Exception as e:
        print(type(e), e)
