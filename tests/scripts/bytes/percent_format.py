# bytes % args and bytearray % args (PEP 461): the same conversions as str's,
# with %b/%s taking bytes-like objects or __bytes__, %r/%a giving ascii(),
# %c a byte; the result has the format's type.


def show(f):
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(repr(r))


class HasBytes:
    def __bytes__(self):
        return b"from __bytes__"


class BadBytes:
    def __bytes__(self):
        return "not bytes"


class Idx:
    def __index__(self):
        return 42


show(lambda: b"%s and %d and %5.2f" % (b"bb", 3, 2.5))
show(lambda: b"%b|%s|%s" % (b"x", bytearray(b"y"), HasBytes()))
show(lambda: b"%r %a" % ("s\xe9", [1, b"q"]))
show(lambda: b"%c%c%c" % (65, b"z", bytearray(b"!")))
show(lambda: b"%05.1f|%-4d|%+d|%#x|%o|%X|%e|%g" % (3.14159, 7, 5, 255, 8, 3054, 1e10, 0.5))
show(lambda: b"%x %o" % (Idx(), Idx()))
show(lambda: b"%%s %s %%" % b"x")
show(lambda: b"%-5s|%5s|%.1s|%*s|%-*b|" % (b"ab", b"cd", b"xyz", 3, b"q", 3, b"r"))
show(lambda: b"%5c|%-3c|" % (b"a", 66))
show(lambda: b"%(name)s is %(age)d" % {b"name": b"Ann", b"age": 7})
show(lambda: b"\xff%d\x00" % 1)
show(lambda: bytearray(b"%s-%d") % (b"q", 2))
show(lambda: type(bytearray(b"%s") % b"q").__name__)
show(lambda: b"x" % ())
show(lambda: b"x" % [])
show(lambda: b"x" % {})
show(lambda: b"%s" % [1])
# errors
show(lambda: b"%d" % "x")
show(lambda: b"%x" % 1.5)
show(lambda: b"%f" % b"1")
show(lambda: b"%s" % "text")
show(lambda: b"%b" % 1)
show(lambda: b"%s" % BadBytes())
show(lambda: b"%c" % 300)
show(lambda: b"%c" % b"ab")
show(lambda: b"%c" % "a")
show(lambda: b"%y" % 1)
show(lambda: b"%\xff" % 1)
show(lambda: b"%d %d" % 1)
show(lambda: b"%d" % (1, 2))
show(lambda: b"x" % 1)
show(lambda: b"x" % b"y")
show(lambda: b"x" % bytearray(b"y"))
show(lambda: b"%(a)s" % bytearray(b"y"))
show(lambda: b"%(a)s" % {"a": 1})
show(lambda: b"%(a" % {b"a": 1})
show(lambda: b"%" % ())
show(lambda: b"%*d" % ("x", 1))
# str % with lists and bytes as the argument: they count as mappings
show(lambda: "x" % [])
show(lambda: "x" % b"y")
show(lambda: "%(a)s" % [1])
show(lambda: "x" % "y")
# the special methods
show(lambda: b"%d".__mod__(3))
show(lambda: b"x".__mod__(3))
show(lambda: b"%d".__rmod__(3))
show(lambda: bytearray(b"%d").__mod__(3))
show(lambda: bytearray(b"x").__rmod__(b"%s"))
show(lambda: "x".__mod__(3))
