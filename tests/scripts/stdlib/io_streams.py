# CPython's io over our _io: StringIO, BytesIO, TextIOWrapper over a binary
# buffer, the abstract bases subclassed in Python, and their errors.
import io

s = io.StringIO("hello\nworld\n")
print(s.read(3), repr(s.readline()), s.tell(), list(s), s.getvalue())
s.seek(0)
s.write("J")
print(s.getvalue(), s.tell(), s.seek(0, 2), s.seek(2))
s.seek(20)
s.write("x")
print(repr(s.getvalue()), s.truncate(5), repr(s.getvalue()), s.tell())
print(isinstance(s, io.TextIOBase), isinstance(s, io.IOBase), s.readable(), s.writable(), s.seekable(), s.closed)
print(s.line_buffering, s.newlines, repr(s.read(0)), repr(s.read(None)))
s.close()
print(s.closed)
for op in (s.read, s.getvalue, s.tell, lambda: s.write("x"), s.readable, lambda: iter(s)):
    try:
        op()
    except ValueError as e:
        print("ValueError", e)
with io.StringIO() as f:
    print("a", 1, file=f)
    f.writelines(["x\n", "y"])
    print(repr(f.getvalue()), f.readlines(), f.seek(0), f.readlines())
print(f.closed)
print(repr(io.StringIO("a\r\nb\rc", newline=None).read()), io.StringIO("a\r\nb\rc", newline="").readlines())
n = io.StringIO(newline=None)
n.write("a\r\nb\rc\n")
print(repr(n.getvalue()), n.newlines)
for nl in ("\r", "\r\n", "\n"):
    t = io.StringIO("p\nq\n", newline=nl)
    print(repr(nl), repr(t.getvalue()), t.readlines())
print(io.StringIO("abc\ndef").readline(2), io.StringIO("x\ny\nz\n").readlines(3))
for bad in (lambda: io.StringIO(3), lambda: io.StringIO("", newline="x"), lambda: io.StringIO("", newline=5),
            lambda: io.StringIO().write(b"x"), lambda: io.StringIO().seek(-1), lambda: io.StringIO().seek(1, 1),
            lambda: io.StringIO().seek(0, 3), lambda: io.StringIO().truncate(-1), lambda: io.StringIO().read("x")):
    try:
        bad()
    except (TypeError, ValueError, OSError) as e:
        print(type(e).__name__, e)

b = io.BytesIO(b"ab\ncd")
print(b.read(1), b.readline(), b.read(), b.tell(), b.seek(0), b.getvalue(), isinstance(b, io.BufferedIOBase))
b.write(b"ZZZZZZZ")
print(b.getvalue(), b.seek(-3, 2), b.read(), b.seek(-100, 1), b.tell(), b.read1(2))
b.seek(10)
b.write(bytearray(b"!"))
print(b.getvalue(), b.truncate(3), b.getvalue(), list(io.BytesIO(b"1\n2\n")))
ba = bytearray(4)
r = io.BytesIO(b"xyz")
print(r.readinto(ba), ba, r.readinto(ba))
for bad in (lambda: io.BytesIO("s"), lambda: io.BytesIO().write("s"), lambda: io.BytesIO().seek(-1),
            lambda: io.BytesIO().seek(0, 5), lambda: io.BytesIO().truncate(-2)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

raw = io.BytesIO("héllo\r\nwörld\nlast".encode())
t = io.TextIOWrapper(raw, encoding="utf-8")
print(t, repr(t.readline()), repr(t.read(3)), repr(t.read()), t.encoding, t.errors, t.buffer is raw)
print(t.seek(0), list(t), t.readable(), t.writable(), t.closed, t.line_buffering)
w = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="\r\n")
print(w.write("a\nb"), w.flush(), w.buffer.getvalue())
w2 = io.TextIOWrapper(io.BytesIO(), encoding="latin-1")
w2.write("é\n")
w2.flush()
print(w2.buffer.getvalue(), w2.tell(), w2.seek(0), w2.read())
d = io.TextIOWrapper(io.BytesIO(b"q"), encoding="ascii")
buf = d.detach()
print(buf.getvalue())
try:
    d.read()
except ValueError as e:
    print("ValueError", e)
big = io.TextIOWrapper(io.BytesIO(("é" * 5000 + "\n") * 3), encoding="utf-8") if False else None
big = io.TextIOWrapper(io.BytesIO((("é" * 5000 + "\n") * 3).encode()), encoding="utf-8")
print([len(line) for line in big])
u = io.TextIOWrapper(io.BytesIO(b"a\r\nb\rc"), encoding="utf-8", newline="")
print(u.readlines())
c = io.TextIOWrapper(io.BytesIO(b"x"), encoding="utf-8")
c.close()
print(c.closed)
try:
    c.write("y")
except ValueError as e:
    print("ValueError", e)


class My(io.StringIO):
    def __init__(self, x):
        super().__init__(x * 2)


m = My("ab")
print(m.getvalue(), type(m).__mro__[1:])


class R(io.RawIOBase):
    def __init__(self):
        self.n = 0

    def readinto(self, b):
        if self.n:
            return 0
        self.n = 1
        b[:3] = b"xyz"
        return 3

    def readable(self):
        return True


print(R().read(), R().readall(), R().read(2), isinstance(R(), io.RawIOBase))


class Lines(io.IOBase):
    def __init__(self):
        self.data = [b"one\n", b"two\n"]

    def readable(self):
        return True

    def read(self, n=-1):
        return self.data.pop(0)[:n] if self.data else b""


L = Lines()
print(list(L), L.closed, L.seekable())
L.close()
print(L.closed, L.close())
try:
    L.flush()
except ValueError as e:
    print("ValueError", e)
for name in ("seek", "fileno", "truncate"):
    try:
        getattr(io.IOBase(), name)(0) if name != "fileno" else io.IOBase().fileno()
    except io.UnsupportedOperation as e:
        print("UnsupportedOperation", e, isinstance(e, OSError), isinstance(e, ValueError))
try:
    io.TextIOBase().read()
except io.UnsupportedOperation as e:
    print("UnsupportedOperation", e)
print(io.DEFAULT_BUFFER_SIZE, io.SEEK_END, io.text_encoding(None), io.text_encoding("x"), io.UnsupportedOperation.__module__)
