import tempfile, os
d = tempfile.gettempdir()
print(type(d).__name__, os.path.isabs(d), os.path.isdir(d), d == tempfile.gettempdir(), tempfile.gettempprefix())
name = os.path.join(d, tempfile.gettempprefix() + '_trib_%d' % os.getpid())
with open(name, 'w') as f:
    f.write('scratch')
print(os.path.exists(name), open(name).read())
os.remove(name)
print(os.path.exists(name))
