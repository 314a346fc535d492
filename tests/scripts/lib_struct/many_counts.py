import struct
fmt = '<' + '10i'
data = struct.pack(fmt, *range(10))
print(len(data), struct.unpack(fmt, data))
print(struct.pack('<3h2b', 1, 2, 3, 4, 5))
print(struct.calcsize('100x'), struct.calcsize('<1000b'), struct.calcsize('@2c2i'))
vals = struct.unpack('<5H', bytes(range(10)))
print(vals, sum(vals))
print(struct.pack('<%dd' % 4, 0.5, 1.5, 2.5, 3.5).hex())
big = struct.pack('<256B', *range(256))
print(big[:8], big[-4:], len(big), struct.unpack('<256B', big)[100:105])
