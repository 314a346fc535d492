import struct
fmts = ['<bhiq', '>BHIQ', '=?cxs', '!fd', '@hi', '<3s2x', '>e', '<Pn' if False else '<qQ']
import random
random.seed(5)
for fmt in ['<bhiq', '>BHIQ', '<qQ', '>hh', '<iI']:
    for _ in range(5):
        vals = []
        for code in fmt[1:]:
            size = struct.calcsize('<' + code)
            if code.islower():
                vals.append(random.randint(-(1 << (8 * size - 1)), (1 << (8 * size - 1)) - 1))
            else:
                vals.append(random.randint(0, (1 << (8 * size)) - 1))
        data = struct.pack(fmt, *vals)
        print(fmt, data.hex(), struct.unpack(fmt, data) == tuple(vals))
