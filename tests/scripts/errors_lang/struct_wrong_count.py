import struct
print(struct.pack("<hh", 1, 2))
try:
    struct.pack("<hh", 1)
except struct.error as e:
    print("struct.error:", e)
struct.pack("<h", 1, 2)
