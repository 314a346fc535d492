import os, tempfile, struct
path = os.path.join(tempfile.gettempdir(), 'trib_files_bin_%d.dat' % os.getpid())
with open(path, 'wb') as f:
    print(f.write(struct.pack('<IHd', 7, 65535, 2.5)), f.write(bytes(range(10))), f.write(bytearray(b'xyz')))
with open(path, 'rb') as f:
    header = f.read(14)
    print(struct.unpack('<IHd', header), f.tell())
    print(f.read(4), f.read(), f.read())
    f.seek(0)
    print(len(f.read()), f.seek(-3, 2), f.read())
print(os.path.getsize(path))
with open(path, 'rb') as f:
    print(type(f.read(1)).__name__, f.mode)
os.remove(path)
