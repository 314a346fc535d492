import struct
data = struct.pack('<ihq', 7, -2, 2**40) + b'tail'
print(len(data), struct.unpack_from('<ihq', data), struct.unpack_from('<h', data, 4), struct.unpack_from('<4s', data, -4))
print(struct.unpack_from('<i', data, offset=0), struct.unpack_from('<q', buffer=data, offset=6))
buf = bytearray(16)
struct.pack_into('<hh', buf, 2, 258, -1)
struct.pack_into('>I', buf, -4, 0xDEADBEEF)
print(buf, buf.hex())
def attempt(fn, *a):
    try:
        print(fn(*a))
    except struct.error as e:
        print('struct.error:', e)
    except TypeError as e:
        print('TypeError:', e)
attempt(struct.unpack_from, 'i', b'abc', 2)
attempt(struct.unpack_from, 'i', b'abcdefgh', -2)
attempt(struct.unpack_from, 'i', b'abcdefgh', -20)
attempt(struct.unpack_from, 'i', b'abcdefgh', 6)
attempt(struct.pack_into, 'i', bytearray(6), 4, 1)
attempt(struct.pack_into, 'i', bytearray(6), -10, 1)
attempt(struct.pack_into, 'i', bytearray(6), -2, 1)
attempt(struct.pack_into, 'i', bytearray(6), 0)
attempt(struct.pack_into, 'i', b'abcdef', 0, 1)
attempt(struct.pack_into, 'i', bytearray(6))
for t in struct.iter_unpack('<hb', b'\x01\x00\x02\x03\x00\x04'):
    print(t)
it = struct.iter_unpack('>H', bytes(range(8)))
print(next(it), list(it))
