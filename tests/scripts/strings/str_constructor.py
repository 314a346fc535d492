print(str(), repr(str()), str(42), str(-3.5), str(True), str(None), str([1, 2]), str((1,)))
print(str("x"), str(10 ** 20), str(1e100), str({1: "a"}))
print(str(1) + str(2), int(str(123)) + 1)
print(len(str(2 ** 64)), str(0.1) + "!")
