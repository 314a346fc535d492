import os, tempfile
path = os.path.join(tempfile.gettempdir(), 'trib_files_print_%d.txt' % os.getpid())
with open(path, 'w') as out:
    print('hello', 'world', file=out)
    print(1, 2, 3, sep='-', end='!\n', file=out)
    print(file=out)
    for i in range(3):
        print('row', i, file=out)
with open(path) as f:
    print(repr(f.read()))
os.remove(path)
