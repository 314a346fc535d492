a = bytearray(b'abc')
print(a == b'abc', b'abc' == a, a == bytearray(b'abc'), a != b'abd', a < b'abd', b'abb' < a, a == 'abc')
print(a + b'd', b'd' + a, type(a + b'd').__name__, type(b'd' + a).__name__, a + bytearray(b'!'))
print(b'b' in a, 98 in a, b'bc' in a, b'z' in a, 300 in b'abc' if False else 0)
try:
    hash(a)
except TypeError as e:
    print('TypeError', e)
for bad in (lambda: a + 'x', lambda: 'x' + a, lambda: a < 'x'):
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)
print(sorted([bytearray(b'b'), bytearray(b'a')]), str(bytearray(b'q')), repr(bytearray(b"it's")), bytes(a) == a)
print(isinstance(a, bytearray), isinstance(b'', bytes), type(a).__name__, bytearray.__name__)
m = bytearray(b'ab')
m *= 3
print(m, 2 * bytearray(b'xy'))
