import struct
for order in '@<>=!':
    for code in 'bBhHiIlLqQ':
        fmt = order + code
        size = struct.calcsize(fmt)
        signed = code.islower()
        lo = -(2 ** (8 * size - 1)) if signed else 0
        hi = 2 ** (8 * size - 1) - 1 if signed else 2 ** (8 * size) - 1
        for v in (hi + 1, lo - 1, 2 ** 70, -2 ** 70):
            try:
                struct.pack(fmt, v)
                print(fmt, v, 'ok')
            except struct.error as e:
                print(fmt, v, e)
