for n in [0, 1, 255, 256, 65535, 2**31, 2**64 - 1, 2**100]:
    length = max(1, (n.bit_length() + 7) // 8)
    be = n.to_bytes(length, 'big')
    le = n.to_bytes(length, 'little')
    print(n, be, le, int.from_bytes(be, 'big') == n, int.from_bytes(le, 'little') == n)
for n in [-1, -128, -129, 127, -2**63]:
    print(n, n.to_bytes(9, 'big', signed=True).hex(), int.from_bytes(n.to_bytes(9, 'little', signed=True), 'little', signed=True))
print((5).to_bytes(), (1024).to_bytes(2), int.from_bytes(b'\x01\x00'), int.from_bytes([1, 2], 'big'), int.from_bytes(b'', 'big'))
print(int.from_bytes(b'\xff', 'big', signed=True), int.from_bytes(bytearray(b'\x80\x00'), 'big', signed=True), True.to_bytes(1, 'big'))
for f in (lambda: (256).to_bytes(1, 'big'), lambda: (-1).to_bytes(1, 'big'), lambda: (1).to_bytes(1, 'middle'),
          lambda: (128).to_bytes(1, 'big', signed=True), lambda: (-129).to_bytes(1, 'big', signed=True),
          lambda: int.from_bytes(b'\x01', 'x'), lambda: (1).to_bytes(-1, 'big')):
    try:
        print(f())
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
