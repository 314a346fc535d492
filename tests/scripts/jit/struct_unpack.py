# struct.unpack / unpack_from with constant formats, recorded as loads from
# the bytes object (jit/record_builtins.cpp): every item kind the JIT reads
# (doubles, signed and unsigned 1/2/4-byte ints, 8-byte ints past 48 bits,
# which leave for the interpreter), offsets, short buffers and negative
# offsets raising struct.error in the loop, buffers of other types, and the
# format changing under the call.
import struct

LAYOUTS = ["<d", "<dd", "=dddddd", "<bBhHiI", "<q", "<iid", "<l", "@i", "<Q", ">d", "<f", "<4s"]


def make(fmt, k):
    values = []
    for ch in fmt.lstrip("<>=@!"):
        if ch == "d":
            values.append(k * 0.5 - 3.25)
        elif ch == "f":
            values.append(k * 0.25)
        elif ch in "bh":
            values.append(-(k % 100))
        elif ch in "BH":
            values.append((k * 7) % 250)
        elif ch in "il":
            values.append(-k * 1000003)
        elif ch == "I":
            values.append((k * 2654435761) % 2**32)
        elif ch == "q":
            values.append(k * 3 ** 30 if k % 50 == 49 else -k)
        elif ch == "Q":
            values.append(2**64 - 1 - k)
        elif ch == "s":
            pass
    if fmt.endswith("4s"):
        values.append(b"ab%02d" % (k % 100))
    return struct.pack(fmt, *values)


def unpack_all(fmt, n):
    acc = []
    total = 0
    for k in range(n):
        buf = make(fmt, k)
        t = struct.unpack(fmt, buf)
        u = struct.unpack_from(fmt, buf)
        if t != u:
            acc.append(("differ", k))
        for v in t:
            if isinstance(v, bytes):
                total += len(v)
            else:
                total += v
        if k % 500 == 0:
            acc.append(t)
    return total, acc


def offsets(n):
    data = struct.pack("<" + "d" * 40, *[i * 1.5 for i in range(40)])
    total = 0.0
    errors = []
    for k in range(n):
        off = (k * 8) % 400
        try:
            x, y = struct.unpack_from("<dd", data, off)
            total += x - y
        except struct.error as e:
            errors.append(str(e))
        if k % 211 == 0:
            try:
                struct.unpack_from("<d", data, -8 * (k % 3 + 1))
                total += struct.unpack_from("<d", data, -8)[0]
            except struct.error as e:
                errors.append(str(e))
    return total, len(errors), sorted(set(errors))


def short_buffers(n):
    out = 0
    msgs = set()
    for k in range(n):
        buf = bytes(k % 20)
        try:
            out += struct.unpack("<iI", buf)[1] + 1
        except struct.error as e:
            msgs.add(str(e))
        try:
            out += struct.unpack_from("<i", buf, 8)[0] + 1
        except struct.error as e:
            msgs.add(str(e))
    return out, sorted(msgs)


def other_buffers(n):
    total = 0
    bufs = [b"\x01\x00\x00\x00", bytearray(b"\x02\x00\x00\x00"), memoryview(b"\x03\x00\x00\x00"), b"\x04\x00\x00\x00"]
    for k in range(n):
        total += struct.unpack("<i", bufs[k % 4])[0]
        if k == n - 7:
            try:
                struct.unpack("<i", "text")
            except TypeError as e:
                print("TypeError:", e)
    return total


def changing_format(n):
    fmts = ["<d", "<d", "<d", "<q"]
    data = struct.pack("<d", 2.5)
    seen = []
    for k in range(n):
        v = struct.unpack(fmts[(k // 100) % 4], data)[0]
        if k % 100 == 0:
            seen.append(v)
    return seen


for fmt in LAYOUTS:
    print(fmt, unpack_all(fmt, 1500))
print(offsets(3000))
print(short_buffers(1000))
print(other_buffers(2000))
print(changing_format(1000))
