import struct
for order in '@=<>!':
    for code in 'bBhHiIlLqQ':
        fmt = order + code
        size = struct.calcsize(fmt)
        signed = code.islower()
        lo = -(1 << (8 * size - 1)) if signed else 0
        hi = (1 << (8 * size - 1)) - 1 if signed else (1 << (8 * size)) - 1
        for v in (0, 1, hi, lo, hi // 3, lo // 5):
            data = struct.pack(fmt, v)
            back = struct.unpack(fmt, data)[0]
            print(fmt, v, data, back == v)
