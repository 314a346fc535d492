# bytes and bytearray ljust/rjust/center (hmac pads its key with ljust).
for w in (0, 3, 6, 7, 8):
    print(b"abc".ljust(w), b"abc".rjust(w, b"*"), b"abc".center(w, b"-"), b"ab".center(w), bytearray(b"x").center(w, b"."))
for bad in (lambda: b"a".ljust(3, b"xy"), lambda: b"a".rjust(3, "x"), lambda: b"a".center()):
    try: bad()
    except TypeError as e: print(e)
