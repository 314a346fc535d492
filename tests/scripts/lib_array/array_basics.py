# array: every type code's items, range and type errors, the list-like
# methods, slices, bytes round trips and comparisons, as CPython on 64-bit
# Linux.
from array import array, typecodes, ArrayType


def show(f):
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(r)


print(typecodes, ArrayType is array)
for tc in typecodes:
    if tc == "u":
        a = array(tc, "héllo")
    elif tc in "fd":
        a = array(tc, [0.1, -2.5, 3])
    else:
        a = array(tc, [0, 1, 2, 100])
    print(tc, a.itemsize, a, len(a), a.tobytes()[:8], a.tolist(), a.typecode)

for tc, vals in [("b", (-129, 128)), ("B", (-1, 256)), ("h", (-2**15 - 1, 2**15)), ("H", (-1, 2**16)),
                 ("i", (-2**31 - 1, 2**31)), ("I", (-1, 2**32)), ("l", (-2**63 - 1, 2**63)), ("L", (-1, 2**64)),
                 ("q", (-2**63 - 1, 2**63)), ("Q", (-1, 2**64))]:
    for v in vals:
        show(lambda: array(tc, [v]))
print(array("b", [-128, 127]), array("Q", [2**64 - 1]), array("q", [-2**63]), array("I", [2**32 - 1]))

a = array("i", [1, 2, 3])
a.append(4)
a.extend([5, 6])
a.extend(array("i", [7]))
a.insert(0, 0)
a.insert(-1, 99)
a.insert(100, 8)
print(a, a.pop(), a.pop(0), a, a.index(99), a.count(2), 3 in a, 42 in a)
a.remove(99)
a.reverse()
print(a, a[0], a[-1], a[1:4], a[::2], a[::-1])
a[0] = 70
a[1:3] = array("i", [10, 20, 30])
del a[0]
del a[::2]
print(a)
b = array("i", [1, 2]) + array("i", [3])
b += array("i", [4])
b *= 2
print(b, array("i", [5]) * 3, 2 * array("i", [1, 2]), list(b), sum(b), max(b))
print(array("i", [1, 2]) == array("d", [1.0, 2.0]), array("i", [1]) < array("i", [2]), array("i") == array("i"),
      array("i", [1, 2]) == [1, 2])
c = array("h")
c.frombytes(b"\x01\x00\x02\x00")
c.fromlist([3, 4])
print(c, c.tobytes())
c.byteswap()
print(c)
print(array("B", b"abc"), array("B", bytearray(b"xy")), array("d", array("i", [1, 2])), array("u", "ab").tounicode())
print(array("f", [0.1])[0], array("d", [0.1])[0], array("i", [True, False]))
total = 0
big = array("d", [0.0]) * 1000
for i in range(len(big)):
    big[i] = i * 0.5
for x in big:
    total += x
print(total, len(big))

show(lambda: array("i", [1.5]))
show(lambda: array("d", ["x"]))
show(lambda: array("u", [1]))
show(lambda: array("x"))
show(lambda: array(1))
show(lambda: array("i", "abc"))
show(lambda: array("i", [1]).extend(array("d")))
show(lambda: array("i", [1]) + array("d"))
show(lambda: array("i", [1]) + [2])
show(lambda: array("i").pop())
show(lambda: array("i", [1]).pop(5))
show(lambda: array("i", [1]).remove(2))
show(lambda: array("i", [1]).index(2))
show(lambda: array("i", [1, 2]).__setitem__(slice(0, 1), [5]))
show(lambda: array("i").frombytes(b"abc"))
show(lambda: array("i", [1])[5])
show(lambda: array("i", [1]).__setitem__(3, 1))
show(lambda: array("i").fromlist([1, "a"]))
show(lambda: array("i", [1]).tounicode())
d = array("i", [1, 2, 3])
show(lambda: d.fromlist([4, "x"]))
print(d)
