import struct
def attempt(label, fn, *args):
    try:
        print(label, fn(*args))
    except struct.error as e:
        print(label, 'struct.error:', e)
    except (TypeError, ValueError, OverflowError) as e:
        print(label, type(e).__name__ + ':', e)

attempt('bad char', struct.pack, 'z', 1)
attempt('bad char std n', struct.calcsize, '<n')
attempt('repeat only', struct.calcsize, '3')
attempt('too few', struct.pack, 'ii', 1)
attempt('too many', struct.pack, 'i', 1, 2)
attempt('not int', struct.pack, 'i', 1.5)
attempt('str int', struct.pack, 'h', '1')
attempt('none', struct.pack, '<q', None)
attempt('char len', struct.pack, 'c', b'ab')
attempt('char str', struct.pack, 'c', 'a')
attempt('s str', struct.pack, '3s', 'abc')
attempt('float str', struct.pack, 'd', 'x')
attempt('f overflow std', struct.pack, '<f', 1e300)
attempt('f overflow native', struct.pack, 'f', 1e300)
attempt('e overflow', struct.pack, '<e', 1e6)
attempt('unpack size', struct.unpack, 'i', b'abc')
attempt('unpack str', struct.unpack, 'i', 'abcd')
attempt('fmt type', struct.pack, 5, 1)
attempt('order not first', struct.pack, 'i<', 1)
attempt('iter size', lambda: list(struct.iter_unpack('i', b'abcde')))
attempt('iter zero', lambda: list(struct.iter_unpack('', b'')))
try:
    struct.pack('b', 300)
except Exception as e:
    print(type(e).__name__, type(e).__module__, isinstance(e, Exception), e.args)
print(struct.error.__name__, issubclass(struct.error, Exception))
