print(bool(0), bool(1), bool(""), bool(" "), bool([]), bool([[]]), bool(None), bool(0.0), bool(-0.0), bool(float("nan")))
print(bool(range(0)), bool({}), bool(set()), bool(()), bool((None,)))
print(bool(1) + bool(2), bool("False"))
