import struct
values = [0.0, -0.0, 1.0, -1.5, 3.141592653589793, 1e-300, 1e300, float('inf'), float('-inf'), 65504.0, 6.1e-05, 1/3]
for fmt in ['<d', '>d', '<f', '>f', '@d', '@f', '=f', '!d']:
    for v in values:
        try:
            data = struct.pack(fmt, v)
            print(fmt, v, data.hex(), struct.unpack(fmt, data)[0])
        except OverflowError as e:
            print(fmt, v, 'OverflowError', e)
for v in [0.0, 1.0, -2.5, 65504.0, 0.1, 1e-7, 6e-8, 3e-5, float('inf')]:
    data = struct.pack('<e', v)
    print('e', v, data.hex(), struct.unpack('<e', data)[0], struct.unpack('>e', struct.pack('>e', v))[0])
print(struct.unpack('<f', struct.pack('<f', 0.1))[0])
print(struct.pack('<d', 2), struct.pack('<f', True))
x = struct.unpack('<d', struct.pack('<d', float('nan')))[0]
print(x != x)
