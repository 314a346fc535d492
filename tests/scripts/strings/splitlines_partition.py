t = "line1\nline2\r\nline3\rline4\n\nlast"
print(t.splitlines())
print(t.splitlines(True))
print("".splitlines(), "one".splitlines(), "trail\n".splitlines())
print("key=value=x".partition("="), "novalue".partition("="))
print("key=value=x".rpartition("="), "novalue".rpartition("="))
print("a.b.c".partition("."), "a.b.c".rpartition("."))
