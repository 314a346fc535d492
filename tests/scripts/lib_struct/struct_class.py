import struct
s = struct.Struct('<iHd')
print(s.size, s.format, type(s).__name__)
p = s.pack(1, 2, 3.5)
print(p, s.unpack(p), s.unpack_from(b'xx' + p, 2))
buf = bytearray(s.size + 2)
s.pack_into(buf, 1, -1, 65535, -0.25)
print(buf)
print(list(s.iter_unpack(p * 3)))
h = struct.Struct(b'>h')
print(h.format, h.pack(-2), struct.unpack(h, b'\x00\x05') if False else h.unpack(b'\x00\x05'))
try:
    s.pack(1, 2)
except struct.error as e:
    print(e)
try:
    struct.Struct('q!')
except struct.error as e:
    print(e)
