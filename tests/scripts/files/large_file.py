import os, tempfile
path = os.path.join(tempfile.gettempdir(), 'trib_files_large_%d.txt' % os.getpid())
with open(path, 'w') as f:
    for i in range(5000):
        f.write('%d,%d\n' % (i, i * i % 97))
total = 0
n = 0
with open(path) as f:
    for line in f:
        a, b = line.split(',')
        total += int(b)
        n += 1
print(n, total, os.path.getsize(path))
with open(path) as f:
    content = f.read()
print(len(content), content.count('\n'), content[:12].split())
os.remove(path)
