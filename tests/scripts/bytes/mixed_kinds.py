# bytes and bytearray mix as bytes-like values: comparison, `in`,
# concatenation, join, float(), int(), bytes()/bytearray() constructors.


def show(f):
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(repr(r))


show(lambda: b"abc" == bytearray(b"abc"))
show(lambda: bytearray(b"abc") == b"abc")
show(lambda: b"abc" != bytearray(b"ab"))
show(lambda: b"abc" == "abc")
show(lambda: bytearray(b"abc") == "abc")
show(lambda: b"ab" < bytearray(b"b"))
show(lambda: bytearray(b"ab") >= b"b")
show(lambda: sorted([b"b", bytearray(b"c"), b"a"]))
show(lambda: b"ab" + bytearray(b"cd"))
show(lambda: bytearray(b"ab") + b"cd")
show(lambda: b"lo" in bytearray(b"hello"))
show(lambda: bytearray(b"lo") in b"hello")
show(lambda: bytearray(b"xx") in b"hello")
show(lambda: 108 in b"hello")
show(lambda: 300 in b"hello")
show(lambda: "l" in b"hello")
show(lambda: 1.0 in b"hello")
show(lambda: b"".join([bytearray(b"a"), b"b"]))
show(lambda: bytearray(b",").join([b"a", bytearray(b"b")]))
show(lambda: b"x".join([1]))
show(lambda: float(bytearray(b" 1.5 ")))
show(lambda: float(b"2.5e3"))
show(lambda: float(bytearray(b"x")))
show(lambda: float(b"x"))
show(lambda: int(bytearray(b" 17 ")))
show(lambda: int(bytearray(b"ff"), 16))


class HasBytes:
    def __bytes__(self):
        return b"custom"


show(lambda: bytes(HasBytes()))
show(lambda: bytearray(HasBytes()))
show(lambda: bytes(1.5))
show(lambda: bytearray(1.5))
show(lambda: b"x".__bytes__())
show(lambda: bytes.__bytes__(b"y"))
show(lambda: b"x".__getnewargs__())
b = b"same"
print(b.__bytes__() is b)
