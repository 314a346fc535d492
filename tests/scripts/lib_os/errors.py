import os, tempfile
base = os.path.join(tempfile.gettempdir(), 'trib_os_err_%d' % os.getpid())
def attempt(f):
    try:
        print('ok', f())
    except OSError as e:
        print(type(e).__name__, e.errno, str(e).replace(base, 'BASE'))
    except TypeError as e:
        print('TypeError', e)
attempt(lambda: os.remove(base))
attempt(lambda: os.listdir(base))
attempt(lambda: os.rmdir(base))
attempt(lambda: os.path.getsize(base))
os.mkdir(base)
attempt(lambda: os.mkdir(base))
attempt(lambda: os.makedirs(base))
attempt(lambda: os.remove(base) if False else os.rmdir(base))
attempt(lambda: os.path.join('a', 5))
print(issubclass(FileNotFoundError, OSError), issubclass(FileExistsError, OSError), os.error is OSError)
