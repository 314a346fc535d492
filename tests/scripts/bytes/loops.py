# Building and scanning byte buffers in loops (JIT-friendly shapes).
buf = bytearray()
for i in range(2000):
    buf.append((i * 7 + 3) & 0xFF)
total = 0
for x in buf:
    total += x
print(len(buf), total, bytes(buf[:10]))
data = bytes(buf)
count = 0
i = 0
while i < len(data):
    if data[i] % 3 == 0:
        count += 1
    i += 1
print(count, data.count(b'\x03'), sum(1 for x in data if x > 200))
parts = []
for k in range(50):
    parts.append(str(k).encode())
joined = b','.join(parts)
print(len(joined), joined[:20], joined.split(b',')[-3:])
h = 0
for c in b'the quick brown fox' * 20:
    h = (h * 31 + c) & 0xFFFFFFFF
print(h)
