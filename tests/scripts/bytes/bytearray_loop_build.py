out = bytearray()
for i in range(256):
    out.append(i)
print(len(out), out[:5], out[-3:], sum(out))
out[0:10] = b''
print(len(out), out[0])
rev = bytearray(reversed(out))
print(rev[:3], bytes(rev[:3]).hex())
buf = bytearray(b'..........')
for i in range(0, 10, 3):
    buf[i] = ord('#')
print(buf.decode())
