# fcntl: descriptor flags (int and file-object arguments), flock and lockf
# locks between two descriptors of one file, a bytes argument (F_GETLK), errors.
import fcntl, os, struct, tempfile

r, w = os.pipe()
flags = fcntl.fcntl(r, fcntl.F_GETFL)
fcntl.fcntl(r, fcntl.F_SETFL, flags | os.O_NONBLOCK)
print(bool(fcntl.fcntl(r, fcntl.F_GETFL) & os.O_NONBLOCK), os.get_blocking(r))
print(bool(fcntl.fcntl(w, fcntl.F_GETFD) & fcntl.FD_CLOEXEC))
fcntl.fcntl(w, fcntl.F_SETFD, 0)
print(os.get_inheritable(w))
dup = fcntl.fcntl(w, fcntl.F_DUPFD_CLOEXEC, 100)
print(dup >= 100, os.get_inheritable(dup))
for fd in (r, w, dup):
    os.close(fd)

with tempfile.NamedTemporaryFile() as f:
    a = open(f.name, "rb+")
    b = open(f.name, "rb+")
    fcntl.flock(a, fcntl.LOCK_EX)
    try:
        fcntl.flock(b.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as e:
        print("BlockingIOError", e.errno == 11)
    fcntl.flock(a, fcntl.LOCK_UN)
    fcntl.flock(b, fcntl.LOCK_EX | fcntl.LOCK_NB)
    print("b locked")
    fcntl.flock(b, fcntl.LOCK_UN)
    fcntl.lockf(a, fcntl.LOCK_EX, 10)
    fcntl.lockf(a, fcntl.LOCK_UN, 10)
    lk = struct.pack("hhqqi", fcntl.F_WRLCK, 0, 0, 0, 0)
    out = fcntl.fcntl(a, fcntl.F_GETLK, lk)
    print(len(out) == len(lk), struct.unpack("hhqqi", out)[0] == fcntl.F_UNLCK)
    a.close()
    b.close()
for bad in (lambda: fcntl.fcntl(-1, fcntl.F_GETFL), lambda: fcntl.fcntl("x", fcntl.F_GETFL),
            lambda: fcntl.lockf(0, 0)):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    fcntl.fcntl(987, fcntl.F_GETFL)
except OSError as e:
    print("OSError", e.errno)
