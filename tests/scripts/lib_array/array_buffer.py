# An array is a bytes-like object (bytes(), join, struct) and memoryview
# views it with its type code as the format: items decoded, writes through,
# cast('B') to its bytes.
import struct
from array import array


def show(f):
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(r)


a = array("i", [1, 2, 3])
m = memoryview(a)
print(m.format, m.itemsize, m.nbytes, len(m), m[1], m[-1], m.tolist(), m.tobytes()[:4], m[::2].tolist())
print(m.strides, m.shape, m.readonly, m[1:].tolist(), m[::-1].tolist(), m.obj is a)
m[0] = 9
m[1:3] = array("i", [20, 30])
print(a, m.cast("B")[:4].tolist(), bytes(a)[:4], m == a, m == array("i", [9, 20, 30]))
print(bytes(array("h", [1, -1])), b"".join([array("B", [65, 66]), b"C"]), struct.unpack("2i", array("i", [5, 6])))
print(bytearray(array("B", [1, 2])), len(bytes(array("d", [1.5]))), array("B", array("b", [1, 2])))
d = memoryview(array("d", [1.5, -2.25]))
print(d[0], d.format, d.tolist(), d.nbytes)
print(memoryview(array("b", [-1]))[0], memoryview(array("B", [255])).format, memoryview(array("u", "ab")).format)
q = memoryview(array("q", [2**40]))
print(q[0], q.itemsize)
show(lambda: m.__setitem__(0, 2**40))
show(lambda: m.__setitem__(0, 1.5))
show(lambda: m.__setitem__(slice(0, 1), b"abcd"))
show(lambda: m.__setitem__(slice(0, 2), array("i", [1])))
show(lambda: m[3])
for i in range(1000):
    m[i % 3] = i
print(a, sum(m.tolist()))
