# Bad input to the C modules written here (_socket, select,
# _posixsubprocess, pyexpat, pwd, fcntl, posix process calls) raises
# CPython's exceptions and messages; nothing crashes.
import _socket, select, _posixsubprocess, pyexpat, pwd, fcntl, socket, os
def t(f):
    try:
        r = f()
        print("ok", type(r).__name__)
    except BaseException as e:
        print(type(e).__name__, str(e)[:60])
s = _socket.socket(); s.close()
for f in [lambda: s.send(b"x"), lambda: s.recv(1), lambda: s.bind(("", 0)), lambda: s.getsockname(), lambda: s.settimeout("x"),
          lambda: s.setblocking(True), lambda: s.fileno(), lambda: s.detach(), lambda: _socket.socket(999, 1),
          lambda: _socket.socket(fileno=-5), lambda: _socket.socketpair(999), lambda: _socket.getaddrinfo(None, None),
          lambda: _socket.socket(_socket.AF_UNIX).connect(5), lambda: _socket.socket(_socket.AF_UNIX).bind("x" * 200),
          lambda: select.select([10**6], [], [], 0), lambda: select.select(None, [], []), lambda: select.poll().poll("x"),
          lambda: select.poll().register(-1), lambda: select.poll().register(0, 10**6),
          lambda: _posixsubprocess.fork_exec(), lambda: pyexpat.ParserCreate(namespace_separator="ab"), lambda: pyexpat.ParserCreate().Parse(5),
          lambda: pyexpat.ParserCreate().nope, lambda: setattr(pyexpat.ParserCreate(), "buffer_size", -1),
          lambda: pyexpat.ErrorString(10**6), lambda: pwd.getpwuid(-7), lambda: pwd.getpwuid(10**30),
          lambda: fcntl.fcntl(0, fcntl.F_GETFL, "x" * 2000), lambda: fcntl.ioctl(-1, 0), lambda: os.waitpid(-1, 0),
          lambda: os.waitstatus_to_exitcode(0x7f), lambda: os.execv("/nonexistent", ["a"]), lambda: os.execv("/bin/true", []),
          lambda: socket.socket().makefile().read()]:
    t(f)
p = pyexpat.ParserCreate(); p.Parse("<a/>", True); t(lambda: p.Parse("<b/>", True))
