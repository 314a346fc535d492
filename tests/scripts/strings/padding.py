print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2), "".zfill(3))
print("[" + "hi".center(6) + "]", "[" + "hi".center(7) + "]", "[" + "hi".center(7, "*") + "]")
print("[" + "hi".ljust(5) + "]", "[" + "hi".rjust(5) + "]", "[" + "hi".ljust(5, ".") + "]")
print("[" + "toolong".center(3) + "]", "[" + "x".rjust(4, "0") + "]")
print("[" + "abc".center(8, "-") + "]", "[" + "abcd".center(9) + "]")
for w in range(0, 8):
    print(repr("ab".center(w)))
