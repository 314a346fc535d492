import struct
print(struct.unpack("<HH", b"\x01\x00\x02\x00"))
try:
    struct.unpack("<HH", b"\x01\x00")
except struct.error as e:
    print("struct.error:", e)
struct.unpack_from("<q", b"1234567", 0)
