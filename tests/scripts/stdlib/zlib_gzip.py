# zlib on the system's zlib: one-shot and streaming compression, checksums,
# wbits variants (raw, gzip), errors; CPython's gzip module over it.
import gzip
import zlib

data = b"hello hello hello world " * 50
c = zlib.compress(data)
print(len(data), len(c) < len(data), zlib.decompress(c) == data, zlib.compress(b"") , zlib.decompress(zlib.compress(b"")))
print(zlib.crc32(b"hello"), zlib.crc32(b"world", zlib.crc32(b"hello ")), zlib.crc32(b"hello world"), zlib.adler32(b"hello"))
print(zlib.crc32(b""), zlib.adler32(b""), zlib.crc32(b"x", 2**40 + 5), zlib.crc32(bytearray(b"abc")), zlib.crc32(memoryview(b"abc")))
for level in (0, 1, 9):
    print(level, zlib.decompress(zlib.compress(data, level)) == data, len(zlib.compress(data, level=level)) > 0)
raw = zlib.compress(data, wbits=-15)
print(zlib.decompress(raw, wbits=-15) == data, zlib.decompress(zlib.compress(data, wbits=31), wbits=31) == data,
      zlib.decompress(zlib.compress(data, wbits=31), 47) == data)
co = zlib.compressobj(6, zlib.DEFLATED, 15, 8, zlib.Z_DEFAULT_STRATEGY)
parts = [co.compress(data[:500]), co.compress(data[500:]), co.flush()]
stream = b"".join(parts)
print(zlib.decompress(stream) == data)
do = zlib.decompressobj()
out = do.decompress(stream[:40]) + do.decompress(stream[40:] + b"TRAILER")
print(out == data, do.eof, do.unused_data, do.unconsumed_tail, do.flush())
do2 = zlib.decompressobj()
first = do2.decompress(stream, 100)
print(len(first), len(do2.unconsumed_tail) > 0, len(first + do2.decompress(do2.unconsumed_tail) + do2.flush()) == len(data))
co2 = zlib.compressobj()
s1 = co2.compress(b"abc") + co2.flush(zlib.Z_SYNC_FLUSH)
d = zlib.decompressobj()
print(d.decompress(s1), d.eof)
cp = zlib.compressobj(zdict=b"hello world")
zs = cp.compress(data) + cp.flush()
dd = zlib.decompressobj(zdict=b"hello world")
print(dd.decompress(zs) == data)
for bad in (lambda: zlib.decompress(b"not zlib data"), lambda: zlib.decompress(c[:20]), lambda: zlib.compress("str"),
            lambda: zlib.compress(b"x", 12), lambda: zlib.crc32("s"), lambda: zlib.decompressobj().decompress(b"x", -1)):
    try:
        bad()
    except (zlib.error, TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.Z_BEST_COMPRESSION, zlib.Z_FINISH, zlib.error.__module__, zlib.error.__name__)
g = gzip.compress(data, mtime=0)
print(g[:4], gzip.decompress(g) == data, len(gzip.decompress(gzip.compress(b"") )))
