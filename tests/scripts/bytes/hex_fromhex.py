data = bytes(range(0, 256, 17))
print(data.hex(), b''.hex(), b'\x00\xff'.hex())
print(b'\x01\x02\x03'.hex(':'), b'\x01\x02\x03\x04\x05'.hex('-', 2), b'\x01\x02\x03\x04\x05'.hex('-', -2), b'abcdef'.hex(b'|', 3))
print(bytes.fromhex('deadbeef'), bytes.fromhex('DE AD  BE EF'), bytes.fromhex(''), bytes.fromhex(' 0a\n0b '))
print(bytes.fromhex(data.hex()) == data, bytearray.fromhex('ff00'))
for bad in ['zz', 'abc', '0g', 'a b']:
    try:
        bytes.fromhex(bad)
    except ValueError as e:
        print('ValueError', e)
try:
    bytes.fromhex(12)
except TypeError as e:
    print('TypeError', e)
print(hex(int.from_bytes(b'\xca\xfe', 'big')), int(b'cafe'.decode(), 16))
