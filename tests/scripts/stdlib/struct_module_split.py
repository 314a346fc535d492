# struct is CPython's own struct.py over the native _struct, as in CPython:
# the same functions and classes, _clearcache, and struct.error raised by them.
import struct
import _struct

print(struct.__file__.endswith("struct.py"), struct.pack is _struct.pack, struct.Struct is _struct.Struct)
print(sorted(n for n in struct.__all__))
print(struct.Struct, struct.error, isinstance(_struct.__doc__, str))
print(_struct._clearcache())
s = struct.Struct("<hIq")
print(s.size, s.pack(1, 2, 3), s.unpack(s.pack(-4, 5, -6)))
print(list(struct.iter_unpack("<h", b"\x01\x00\x02\x00")))
buf = bytearray(8)
struct.pack_into("<d", buf, 0, 2.5)
print(struct.unpack_from("<d", buf), struct.calcsize("@iq"))
try:
    struct.pack("<h", 1 << 20)
except struct.error as e:
    print("struct.error:", e)
try:
    struct.unpack("<i", b"\x00")
except _struct.error as e:
    print("_struct.error:", e)
