import os, tempfile
path = os.path.join(tempfile.gettempdir(), 'trib_files_with_%d.txt' % os.getpid())
with open(path, 'w') as f:
    f.write('alpha\nbeta\ngamma\n')
    print(f.closed)
print(f.closed)
with open(path) as f:
    for i, line in enumerate(f):
        print(i, line.rstrip('\n'))
with open(path) as f:
    lines = [l.strip() for l in f]
print(lines)
g = open(path)
print(g.__enter__() is g, g.__exit__(None, None, None), g.closed)
os.remove(path)
