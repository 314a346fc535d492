import struct
# A little binary file format: header + records, round-tripped.
HEADER = struct.Struct('<4sHHI')
RECORD = struct.Struct('<iif8s')
rows = [(i, i * i - 50, i / 7, ('n%d' % i).encode()) for i in range(12)]
blob = HEADER.pack(b'TRIB', 1, 2, len(rows)) + b''.join(RECORD.pack(*r) for r in rows)
print(len(blob), blob[:12])
magic, major, minor, count = HEADER.unpack_from(blob)
print(magic, major, minor, count)
total = 0
for k in range(count):
    a, b, c, name = RECORD.unpack_from(blob, HEADER.size + k * RECORD.size)
    total += a + b
    print(a, b, round(c, 5), name.rstrip(b'\x00').decode())
print('total', total)
checksum = 0
for (word,) in struct.iter_unpack('<H', blob[:len(blob) // 2 * 2]):
    checksum = (checksum * 31 + word) & 0xFFFFFFFF
print('checksum', checksum)
