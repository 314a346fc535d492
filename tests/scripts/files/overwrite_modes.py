import os, tempfile
path = os.path.join(tempfile.gettempdir(), 'trib_files_modes_%d.txt' % os.getpid())
open(path, 'w').write('first version\n')
print(open(path).read(), end='')
open(path, 'w').write('second\n')
print(open(path).read(), end='')
try:
    open(path, 'x')
except FileExistsError as e:
    print('FileExistsError', e.errno)
os.remove(path)
with open(path, 'x') as f:
    f.write('exclusive\n')
print(open(path).read(), end='')
with open(path, 'w+') as f:
    f.write('rw')
    f.seek(0)
    print(f.read())
os.remove(path)
