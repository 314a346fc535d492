ba = bytearray(b'0123456789')
ba[2:5] = b'ab'
print(ba)
ba[0:0] = b'xx'
print(ba)
ba[-2:] = bytearray(b'ZZZZ')
print(ba)
ba[::2] = b'.' * len(ba[::2])
print(ba)
ba[1:3] = [65, 66, 67]
print(ba)
del ba[::3]
print(ba)
ba[:] = b''
print(ba)
def attempt(f):
    try:
        f()
        print('ok')
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
b2 = bytearray(b'abcd')
def set_item(i, v): b2[i] = v
def set_slice(s, v): b2[s] = v
attempt(lambda: set_item(10, 1))
attempt(lambda: set_item(0, 256))
attempt(lambda: set_item(0, 'a'))
attempt(lambda: set_slice(slice(0, 4, 2), b'xyz'))
attempt(lambda: set_slice(slice(0, 2), 5))
attempt(lambda: set_slice(slice(0, 2), 'ab'))
attempt(lambda: b2.append(-1))
attempt(lambda: bytearray().pop())
attempt(lambda: b2.pop(10))
attempt(lambda: b2.remove(122))
attempt(lambda: b2[10])
print(b2)
