b = b'hello world'
print(b[0], b[-1], b[4], type(b[0]).__name__)
print(b[1:5], b[:3], b[6:], b[::2], b[::-1], b[-5:-1], b[100:], b[3:3])
print(len(b), len(b''), b[0:0] == b'')
try:
    b[20]
except IndexError as e:
    print('IndexError', e)
try:
    b['x']
except TypeError as e:
    print('TypeError', e)
for i, c in enumerate(b'abc'):
    print(i, c, chr(c))
print(list(b'xyz'), tuple(b'\x01\x02'), sum(b'\x01\x02\x03'), max(b'hello'), sorted(b'cab'))
print(list(reversed(b'abc')), b'abc'.index(b'c'), 98 in b'abc', b'bc' in b'abc', b'' in b'abc')
