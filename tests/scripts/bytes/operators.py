a, b = b'abc', b'xyz'
print(a + b, a * 3, 2 * b, a * 0, a * -1, a + b'')
print(a == b'abc', a != b, a < b, a <= a, b > a, b'ab' < b'abc', b'' < b'a', b'b' > b'abc')
print(hash(a) == hash(b'abc'), len({a, b'abc', b}), {a: 1}[b'abc'])
print(a == 'abc', a != 'abc')
for bad in (lambda: a + 'x', lambda: a * 'x', lambda: a < 'x', lambda: 'x' + a, lambda: a + 1):
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)
x = b'ab'
x += b'cd'
x *= 2
print(x, bool(b''), bool(b'\x00'), not b'')
