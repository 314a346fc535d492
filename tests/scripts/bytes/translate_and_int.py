# bytes/bytearray.translate (re._compiler builds its charset bitmaps with it) and int() of a bytearray.
t = b'0' + b'1' * 255
print(bytearray(b'\x00\x01\x00').translate(t), b'abc'.translate(None, b'b'), b'abc'.translate(bytes(range(256))[::-1]))
print(bytearray(b'hello').translate(None, delete=b'l'), type(bytearray(b'x').translate(None)).__name__)
for bad in [lambda: b'a'.translate(b'xy'), lambda: b'a'.translate('x' * 256), lambda: b'a'.translate()]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(int(b'0101', 2), int(b'11111111111111111111111111111111', 2))
print(int(bytearray(b'0110'), 2), int(bytearray(b' 42 ')), int(bytearray(b'ff'), 16))
try:
    int(bytearray(b'z'), 10)
except ValueError as e:
    print(e)
