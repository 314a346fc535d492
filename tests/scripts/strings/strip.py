s = "   hello \t\n"
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "xxhixx".lstrip("x"), "xxhixx".rstrip("x"))
print("abcHELLOcba".strip("abc"), "www.example.com".strip("cmowz."))
print(repr("".strip()), repr("   ".strip()), "no".strip())
print("\n\tline\r\n".strip() + "|")
