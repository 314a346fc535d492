# errno: the system's error numbers by name, and errorcode mapping each
# number back to a name.
import errno
import os

print(errno.ENOENT, errno.EACCES, errno.EEXIST, errno.EINTR, errno.EAGAIN, errno.EPIPE)
print(errno.EWOULDBLOCK == errno.EAGAIN, errno.EDEADLOCK == errno.EDEADLK, errno.ENOTSUP == errno.EOPNOTSUPP)
print(errno.errorcode[errno.ENOENT], errno.errorcode[2], errno.errorcode[11], errno.errorcode[35])
names = sorted(n for n in dir(errno) if n.startswith("E"))
print(len(names), names[:5], names[-5:])
print(len(errno.errorcode), sorted(errno.errorcode)[:10])
# every name's number maps back to a name of the same number
for n in names:
    v = getattr(errno, n)
    assert isinstance(v, int) and getattr(errno, errno.errorcode[v]) == v, n
print(list(errno.errorcode.items())[:6])
print(type(errno.errorcode).__name__, errno.__name__)
# OSError subclasses are picked by errno
for code in (errno.ENOENT, errno.EEXIST, errno.EACCES, errno.EISDIR, errno.EAGAIN, errno.EINVAL):
    e = OSError(code, "message")
    print(code, type(e).__name__, e.errno, e.strerror)
try:
    open("/nonexistent/path/for/errno/test")
except OSError as e:
    print(type(e).__name__, e.errno == errno.ENOENT, errno.errorcode[e.errno])
try:
    errno.ENOTANAME
except AttributeError as e:
    print(e)
# only OSError itself picks a subclass; other arities stay OSError
print(type(OSError(errno.ENOENT)).__name__, type(OSError(999, "x")).__name__, type(OSError("a", "b")).__name__)
print(type(OSError(errno.EPERM, "x", "file")).__name__, str(OSError(errno.ENOENT, "No such file", "f.txt")))
print(type(FileExistsError(errno.ENOENT, "x")).__name__)


class MyOSError(OSError):
    pass


print(type(MyOSError(errno.ENOENT, "x")).__name__)
try:
    raise OSError(errno.ENOENT, "gone")
except FileNotFoundError as e:
    print("caught", e.errno, e.strerror, e)
for code in (errno.EPIPE, errno.ECHILD, errno.ECONNRESET, errno.ECONNREFUSED, errno.ECONNABORTED,
             errno.ENOTDIR, errno.EINTR, errno.ESRCH, errno.ETIMEDOUT, errno.EINPROGRESS, errno.ESHUTDOWN):
    print(errno.errorcode[code], type(OSError(code, "m")).__name__)
