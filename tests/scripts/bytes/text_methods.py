# The ASCII text methods of bytes and bytearray: case predicates and
# conversions, padding, expandtabs, removeprefix/removesuffix, maketrans.
# Only ASCII letters have case; a bytearray gives back a bytearray.


def show(f):
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(repr(r))


for kind in (bytes, bytearray):
    print(kind.__name__)
    show(lambda: kind(b"ABC1").isupper())
    show(lambda: kind(b"AbC").isupper())
    show(lambda: kind(b"123").isupper())
    show(lambda: kind(b"abc \xe9").islower())
    show(lambda: kind(b"").islower())
    show(lambda: kind(b"Hello World").istitle())
    show(lambda: kind(b"Hello world").istitle())
    show(lambda: kind(b"HeLLo").istitle())
    show(lambda: kind(b"hello wORLD 3rd-x").title())
    show(lambda: kind(b"hELLO World").capitalize())
    show(lambda: kind(b"aBc \xe9\xc9").swapcase())
    show(lambda: kind(b"a\tbc\td\n\tx").expandtabs())
    show(lambda: kind(b"a\tbc\td\r\tx").expandtabs(4))
    show(lambda: kind(b"a\tb").expandtabs(tabsize=0))
    show(lambda: kind(b"ab").center(7, b"*"))
    show(lambda: kind(b"ab").center(6))
    show(lambda: kind(b"abc").center(6, bytearray(b"-")))
    show(lambda: kind(b"x").ljust(4, b"."))
    show(lambda: kind(b"x").rjust(4))
    show(lambda: kind(b"xyz").rjust(2))
    show(lambda: kind(b"prefix-body").removeprefix(b"prefix-"))
    show(lambda: kind(b"body.py").removesuffix(bytearray(b".py")))
    show(lambda: kind(b"body").removesuffix(b""))
    show(lambda: kind(b"abc").center(5, "x"))
    show(lambda: kind(b"abc").ljust(5, b"xy"))
    show(lambda: kind(b"abc").rjust())
    show(lambda: kind(b"abc").center(5.0))
    show(lambda: kind(b"abc").removeprefix("a"))
    show(lambda: kind(b"abc").isupper(1))
    show(lambda: kind.maketrans(b"abc", b"xyz")[97:100])
    show(lambda: len(kind.maketrans(b"", b"")))
    show(lambda: kind.maketrans(b"ab", b"x"))
    show(lambda: kind.maketrans("a", "b"))
    show(lambda: kind(b"abcab").translate(kind.maketrans(b"ab", b"AB")))

# An exact bytes comes back itself when nothing changes; a bytearray never.
b = b"abc"
print(b.center(3) is b, b.ljust(1) is b, b.rjust(0) is b, b.zfill(2) is b)
print(b.removeprefix(b"z") is b, b.removesuffix(b"q") is b)
print(b.center(4) is b, b.title() is b)
ba = bytearray(b"abc")
print(ba.center(3) is ba, ba.removeprefix(b"") is ba)

# Argument checks name the method's type.
for kind in (bytes, bytearray):
    x = kind(b"x")
    show(lambda: x.upper(1))
    show(lambda: x.isdigit(1))
    show(lambda: x.isascii(2))
    show(lambda: x.title(1))
    show(lambda: x.zfill())
    show(lambda: x.partition())
    show(lambda: x.join())
    show(lambda: x.removeprefix())
    show(lambda: x.center())
    show(lambda: x.center(1, b" ", 3))
    show(lambda: x.center(width=3))
show(lambda: bytearray(b"x").append())
show(lambda: bytearray(b"x").copy(1))
