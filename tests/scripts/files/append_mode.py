import os, tempfile
path = os.path.join(tempfile.gettempdir(), 'trib_files_app_%d.txt' % os.getpid())
for i in range(3):
    with open(path, 'a') as f:
        f.write('run %d\n' % i)
with open(path) as f:
    print(f.read(), end='')
with open(path, 'w') as f:
    f.write('reset\n')
with open(path, 'a') as f:
    f.writelines(['a\n', 'b\n'])
print(open(path).read().split())
os.remove(path)
