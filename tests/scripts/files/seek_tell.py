import os, tempfile
path = os.path.join(tempfile.gettempdir(), 'trib_files_seek_%d.txt' % os.getpid())
with open(path, 'w') as f:
    f.write('0123456789\nabcdef\n')
    print(f.tell())
with open(path) as f:
    print(f.read(4), f.tell())
    f.seek(11)
    print(repr(f.readline()), f.tell())
    print(f.seek(0), f.read(2))
    print(repr(f.read(0)), f.readable(), f.writable())
with open(path, 'r+') as f:
    f.seek(2)
    f.write('XY')
    f.seek(0)
    print(repr(f.read()))
os.remove(path)
