import os, tempfile
base = os.path.join(tempfile.gettempdir(), 'trib_os_dirs_%d' % os.getpid())
os.mkdir(base)
os.makedirs(os.path.join(base, 'x', 'y'))
os.makedirs(os.path.join(base, 'x', 'y'), exist_ok=True)
for name in ['b.txt', 'a.txt']:
    with open(os.path.join(base, name), 'w') as f:
        f.write(name)
print(sorted(os.listdir(base)), os.path.isdir(os.path.join(base, 'x')), os.path.isfile(os.path.join(base, 'a.txt')))
os.rename(os.path.join(base, 'a.txt'), os.path.join(base, 'c.txt'))
print(sorted(os.listdir(base)))
for name in ['b.txt', 'c.txt']:
    os.remove(os.path.join(base, name))
os.rmdir(os.path.join(base, 'x', 'y'))
os.rmdir(os.path.join(base, 'x'))
print(os.listdir(base))
os.rmdir(base)
print(os.path.exists(base))
