import os, tempfile
path = os.path.join(tempfile.gettempdir(), 'trib_files_rl_%d.txt' % os.getpid())
with open(path, 'w') as f:
    f.write('a\n\nb\nno newline at end')
with open(path) as f:
    print(f.readlines())
with open(path) as f:
    print(repr(f.readline(1)), repr(f.readline()), repr(f.readline()), repr(f.readline(5)))
with open(path) as f:
    it = iter(f)
    print(next(it), end='')
    print(list(it))
with open(path, 'rb') as f:
    print(f.readlines(), f.readline())
os.remove(path)
