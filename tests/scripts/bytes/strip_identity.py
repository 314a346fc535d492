# bytes.strip/lstrip/rstrip return the object itself when nothing is stripped
# (an exact bytes; a bytearray or a subclass always gets a new object).
b = b"abc"
print(b.strip() is b, b.lstrip() is b, b.rstrip() is b)
print(b.strip(b"x") is b, b.strip(b"c") is b, b.strip(b"c"))
print(b" a".strip() is b, b" a".strip(), b"a ".lstrip())
e = b""
print(e.strip() is e)
ba = bytearray(b"abc")
print(ba.strip() is ba, ba.strip())


class MyBytes(bytes):
    pass


m = MyBytes(b"abc")
r = m.strip()
print(r is m, type(r).__name__, r)
