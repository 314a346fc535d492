# memoryview over bytes and bytearray: items, slices with steps, tobytes /
# tolist / hex, attributes, writing through to a bytearray, comparison and
# hashing, release() and `with`, and the errors of each.


def show(f):
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(repr(r))


m = memoryview(b"abcdef")
print(len(m), m[0], m[-1], m[1:4].tobytes(), m[::2].tolist(), m[::-1].tobytes(), m[4:1:-1].tolist())
print(m.tobytes(), m.tolist(), m.hex(), m.hex(":"), m[1:3].hex())
print(m.format, m.itemsize, m.ndim, m.shape, m.strides, m.nbytes, m.readonly, m.obj, m.contiguous, m[::2].contiguous)
print(m[1:][0], m[1:][1:][0], list(m[:3]), bytes(m[2:]), bytearray(m[:2]), m[2:5].shape, m[::3].strides)
print(m == b"abcdef", m == bytearray(b"abcdef"), m[:2] == b"ab", m == m, m == memoryview(b"abcdef"), m != b"x", m == "abcdef")
print(hash(m) == hash(b"abcdef"), hash(m[1:3]) == hash(b"bc"))
print(b"-".join([m[:2], m[2:4]]), b"xy" + m[:1], bytearray(b"q") + m[1:2], int.from_bytes(m[:2], "big"))
print(memoryview(m).tobytes(), m.cast("B").tolist()[:3], float(memoryview(b"2.5")), int(memoryview(b"42")))

buf = bytearray(b"hello world")
v = memoryview(buf)
v[0] = 72
v[6:11] = b"WORLD"
v[1:5:2] = b"EL"
print(buf, v.readonly, v.tobytes())
buf[0] = ord("J")
print(v[0], bytes(v[:5]))
tail = v[6:]
tail[0] = ord("w")
print(buf)
total = 0
for i in range(len(v)):
    total += v[i]
print(total)
for i in range(3000):
    v[i % len(v)] = 65 + i % 26
print(buf)

show(lambda: m[6])
show(lambda: m[-7])
show(lambda: m["a"])
show(lambda: m[1.5])
show(lambda: memoryview(1))
show(lambda: memoryview("text"))
show(lambda: m.__setitem__(0, 1))
show(lambda: v.__setitem__(0, 256))
show(lambda: v.__setitem__(0, b"a"))
show(lambda: v.__setitem__(slice(0, 2), b"abc"))
show(lambda: hash(v))

r = memoryview(b"xyz")
r.release()
r.release()
show(lambda: r[0])
show(lambda: len(r))
show(lambda: r.tobytes())
show(lambda: r.obj)
show(lambda: bytes(r))
print(r == r, r == b"xyz")
with memoryview(bytearray(b"ctx")) as cm:
    print(cm[0], cm.tobytes())
show(lambda: cm[0])
print(repr(cm).startswith("<released memory at 0x"), repr(m).startswith("<memory at 0x"))
print(isinstance(m, memoryview), type(m).__name__)
