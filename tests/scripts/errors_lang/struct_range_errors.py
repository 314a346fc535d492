import struct
for fmt, value in [("<b", 200), ("<B", -1), ("<H", 70000), ("<c", b"ab"), ("<i", 2**31), ("<?", 0)]:
    try:
        print(fmt, struct.pack(fmt, value))
    except struct.error as e:
        print(fmt, "struct.error:", e)
struct.pack("<I", "text")
