# memoryview over bytes and bytearray: items, slices, cast, tolist, writes through a
# bytearray's view, hashing, release; re's big IGNORECASE charsets need cast('I').
import re

m = memoryview(b"abcdefgh")
print(len(m), m[0], m[-1], m[1:3].tobytes(), m.tolist()[:3], m.nbytes, m.itemsize, m.format, m.readonly, m.ndim, m.shape)
c = m.cast("I")
print(len(c), c.tolist(), c.format, c.itemsize, c[1], c.shape, c.strides, m.cast("H").tolist(), m.cast("c")[0])
ba = bytearray(b"xyz")
w = memoryview(ba)
w[0] = 65
w[1:3] = b"QR"
print(ba, w.readonly, bytes(w), w == b"AQR", w == memoryview(b"AQR"), w.hex(), m[::2].tobytes())
with memoryview(b"k") as k:
    print(k.tobytes())
print(repr(k).startswith("<released memory at "))
for bad in (lambda: memoryview(3), lambda: m.cast("x"), lambda: m[100], lambda: memoryview(b"abc").cast("I"),
            lambda: c.cast("H"), lambda: m.__setitem__(0, 1), lambda: w.__setitem__(0, 300), lambda: k.tobytes(), lambda: hash(w)):
    try:
        bad()
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
print(re.compile(r"[\w\d]+", re.I).findall("Hello Wörld 42"), re.findall(r"(?i)[a-zäöü]+", "GRÜN und Blau"))
print(re.compile(r'%\(\w+\)[#0+ -]*(\*|\d+)?(\.(\*|\d+))?[diouxefgcrsa%]', re.I).search("x %(name)5.2f y").group())
