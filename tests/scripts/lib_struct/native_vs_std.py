import struct
vals = (1, 2, 3, 4, 6.5)
for fmt in ['@bhiqd', '=bhiqd', '<bhiqd', '>bhiqd', '!bhiqd', 'bhiqd']:
    data = struct.pack(fmt, *vals)
    print(fmt, struct.calcsize(fmt), data.hex(), struct.unpack(fmt, data))
print(struct.pack('>I', 1) == struct.pack('!I', 1), struct.pack('<I', 1) == struct.pack('=I', 1))
print(struct.pack('>q', -1), struct.pack('<Q', 2**64 - 1), struct.unpack('>Q', b'\xff' * 8), struct.unpack('<q', b'\x00' * 7 + b'\x80'))
print(struct.pack('@P', 12345), struct.pack('n', -1), struct.pack('N', 2**64 - 1))
print(struct.unpack('<i', bytearray(b'\x01\x02\x03\x04')), struct.unpack('<I', struct.pack('<i', -1)))
