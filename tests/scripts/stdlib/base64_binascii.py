# binascii (base64, hex, crc32, crc_hqx) and CPython's base64 over it.
import base64
import binascii

for data in (b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", bytes(range(256))):
    enc = base64.b64encode(data)
    assert base64.b64decode(enc) == data
    print(enc[:24], binascii.b2a_base64(data, newline=False) == enc, binascii.hexlify(data[:6]))
print(base64.b64decode("Zm9v YmFy\n"), base64.b64decode(b"Zm9vYg=="), base64.urlsafe_b64encode(b"\xfb\xff\xfe"))
print(base64.urlsafe_b64decode(b"-__-"), base64.standard_b64encode(b"x"), base64.encodebytes(b"a" * 60))
print(base64.b32encode(b"hello"), base64.b32decode(b"NBSWY3DP"), base64.b16encode(b"\x01\xab"), base64.b85encode(b"hi"))
print(binascii.unhexlify("616263"), binascii.a2b_hex(b"00FF"), bytes.fromhex("de ad"), binascii.hexlify(b"\x01\x02\x03\x04\x05", "-", 2))
print(binascii.hexlify(b"\x01\x02\x03\x04\x05", b":", -2), binascii.b2a_hex(b"ab", "_"))
print(binascii.crc32(b"hello world"), binascii.crc32(b"world", binascii.crc32(b"hello ")), binascii.crc_hqx(b"123456789", 0))
print(binascii.Error.__mro__[1].__name__, binascii.a2b_base64(b"YWJj", strict_mode=True))
for bad in (lambda: base64.b64decode("abc"), lambda: base64.b64decode("a"), lambda: binascii.unhexlify("abc"),
            lambda: binascii.unhexlify("zz"), lambda: binascii.a2b_base64(b"=YWJj", strict_mode=True),
            lambda: binascii.a2b_base64(b"YW!j", strict_mode=True), lambda: binascii.a2b_base64(b"YQ==YQ==", strict_mode=True),
            lambda: base64.b64decode(b"YW!j", validate=True), lambda: binascii.hexlify("str"), lambda: binascii.a2b_base64("é")):
    try:
        bad()
    except (binascii.Error, TypeError, ValueError) as e:
        print(type(e).__name__, e)
t = bytes.maketrans(b"abc", b"xyz")
print(len(t), b"aabbcc".translate(t), bytearray(b"cab").translate(t), bytearray.maketrans(b"", b"")[:3])
for bad in (lambda: bytes.maketrans(b"ab", b"x"), lambda: bytes.maketrans("a", b"x")):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
