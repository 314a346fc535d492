# With maxsplit, the unsplit remainder keeps its whitespace on the far side.
for s in ["a b  c   ", "  a b  c   ", "   a b  c", "a\tb\n c \t", "x", "   ", ""]:
    for n in (0, 1, 2, 5, -1):
        print(repr(s), n, s.split(None, n), s.rsplit(None, n))
        print(repr(s), n, s.split(maxsplit=n), s.rsplit(maxsplit=n))
print("\u3000a\u3000b\u3000".split(None, 1), "\u3000a\u3000b\u3000".rsplit(None, 1))
