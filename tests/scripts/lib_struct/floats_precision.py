import struct
for v in [0.1, 0.2, 0.3, 1/3, 2/3, 1e-40, 3.4e38, -1e-45, 123456.789]:
    f = struct.unpack('<f', struct.pack('<f', v))[0]
    e = struct.unpack('<e', struct.pack('<e', min(v, 60000.0)))[0]
    print(v, f, e, struct.pack('>f', v).hex())
