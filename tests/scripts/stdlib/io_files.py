# _io's FileIO and Buffered* classes over file descriptors and raw streams,
# sys.stdout.buffer / sys.stderr.buffer / sys.stdin.buffer and a text file's buffer.
# (The tests run with PYTHONUNBUFFERED=1: sys.stdout.buffer's class is not printed.)
import io, os, sys, tempfile
d = tempfile.mkdtemp()
p = os.path.join(d, "f.bin")
with io.FileIO(p, "w") as f:
    print(f.write(b"hello\nworld\n"), f.mode, f.closefd, f.writable(), f.readable(), f.seekable(), f.tell())
    print(repr(f).startswith("<_io.FileIO name="), repr(f).endswith("mode='wb' closefd=True>"))
print(f.closed, repr(f))
with io.FileIO(p) as f:
    print(f.read(3), f.read(), f.read(), f.seek(0), f.readall(), f.tell())
    b = bytearray(4); f.seek(0); print(f.readinto(b), b)
for mode in ("r+", "a", "x", "rw", "q"):
    try:
        g = io.FileIO(p, mode); print(mode, g.mode); g.close()
    except (ValueError, FileExistsError) as e:
        print(mode, type(e).__name__, e.errno if isinstance(e, OSError) else e)
try:
    io.FileIO(os.path.join(d, "missing"))
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
with io.BufferedReader(io.FileIO(p)) as br:
    print(br.peek(1)[:1], br.read1(2), br.readline(), br.tell(), br.read(), br.read(), repr(br).startswith("<_io.BufferedReader name="))
    br.seek(0); print(list(br), br.raw.mode, br.name == p, br.closed)
print(br.closed)
with io.BufferedWriter(io.FileIO(p, "w")) as bw:
    print(bw.write(b"abc"), bw.write(bytearray(b"def")), bw.tell(), bw.writable(), bw.readable())
with open(p, "rb") as f:
    print(f.read())
with io.BufferedRandom(io.FileIO(p, "r+")) as rnd:
    print(rnd.read(2), rnd.write(b"XY"), rnd.seek(0), rnd.read())
pair = io.BufferedRWPair(io.BytesIO(b"in data"), io.BytesIO())
print(pair.read(2), pair.write(b"out"), pair.readable(), pair.writable())
t = io.TextIOWrapper(io.BufferedReader(io.FileIO(p)), encoding="utf-8")
print(repr(t.read()), t.buffer.raw.name == p)
t.close()
print(isinstance(io.FileIO(p), io.RawIOBase), isinstance(br, io.BufferedIOBase), issubclass(io.BufferedReader, io.IOBase))
with open(p, "w") as tf:
    tf.write("text ")
    tf.flush()
    tf.buffer.write(b"bytes")
    print(tf.buffer.mode, tf.buffer.closed)
print(tf.closed, tf.buffer.closed)
print(open(p).read())
os.unlink(p); os.rmdir(d)
print("text first", flush=True)
sys.stdout.buffer.write(b"raw bytes\n")
print("text after")
sys.stdout.buffer.flush()
print(sys.stdout.buffer.name if hasattr(sys.stdout.buffer, "name") else "", sys.stdout.encoding, sys.stderr.errors, sys.stdout.buffer.mode)
print(type(sys.stdin.buffer).__name__, sys.stdout.buffer.writable(), sys.stderr.buffer.name)
sys.stdout.flush()
