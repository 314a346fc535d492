import struct
print(struct.calcsize("<iq"))
try:
    struct.calcsize("<iy")
except struct.error as e:
    print("struct.error:", e)
struct.pack("<Z", 1)
