import os, tempfile
base = os.path.join(tempfile.gettempdir(), 'trib_files_err_%d' % os.getpid())
def attempt(f):
    try:
        r = f()
        print('ok', r)
    except Exception as e:
        print(type(e).__name__, str(e).replace(base, 'BASE'))
attempt(lambda: open(base + '.missing'))
attempt(lambda: open(base + '.missing', 'rb'))
attempt(lambda: open(base, 'q'))
attempt(lambda: open(base, 'rw'))
attempt(lambda: open(base, 'rbt'))
attempt(lambda: open(tempfile.gettempdir()))
f = open(base, 'w')
attempt(lambda: f.read())
attempt(lambda: f.write(5))
attempt(lambda: f.write(b'bytes'))
f.close()
attempt(lambda: f.write('x'))
attempt(lambda: f.readline())
g = open(base, 'rb')
attempt(lambda: g.write(b'x'))
g.close()
with open(base, 'wb') as h:
    attempt(lambda: h.write('str'))
try:
    open(base + '.missing')
except OSError as e:
    print(isinstance(e, FileNotFoundError), e.errno, e.strerror, e.filename == base + '.missing')
os.remove(base)
