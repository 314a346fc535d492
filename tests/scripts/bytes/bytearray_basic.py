ba = bytearray(b'hello')
print(ba, len(ba), ba[0], ba[-1], ba[1:3], type(ba[1:3]).__name__, list(ba))
ba[0] = ord('J')
ba.append(33)
ba.extend(b'!!')
ba.extend([63, 63])
ba += b'#'
print(ba, ba.pop(), ba.pop(0), ba)
ba.insert(0, 74); ba.insert(100, 36); ba.insert(-1, 37)
print(ba)
ba.remove(ord('l'))
print(ba, ba.count(b'!'), ba.find(b'!'), ba.startswith(b'J'), ba.upper(), ba.decode())
del ba[0]
del ba[1:3]
print(ba)
ba.reverse()
print(ba, ba.copy(), ba.copy() is ba)
ba.clear()
print(ba, len(ba), bool(ba), bytearray(3), bytearray(range(3)), bytearray('é', 'utf-8'), bytearray(b'x') * 3)
