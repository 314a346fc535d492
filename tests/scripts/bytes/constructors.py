print(bytes(), bytes(0), bytes(4), bytes([1, 2, 255]), bytes(range(65, 70)), bytes((97, 98)))
print(bytes('abc', 'ascii'), bytes('héllo', 'utf-8'), bytes('héllo', encoding='latin-1'), bytes(b'copy'), bytes(bytearray(b'ba')))
print(bytes(x for x in [104, 105]), bytes({7}), bytes(iter([1])), bytes(True))
def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
attempt(lambda: bytes(-1))
attempt(lambda: bytes('abc'))
attempt(lambda: bytes([256]))
attempt(lambda: bytes([-1]))
attempt(lambda: bytes(['a']))
attempt(lambda: bytes(1.5))
attempt(lambda: bytes(b'abc', 'utf-8'))
attempt(lambda: bytes(3, 'utf-8'))
attempt(lambda: bytes('abc', 'no-such-codec'))
attempt(lambda: bytes(None))
