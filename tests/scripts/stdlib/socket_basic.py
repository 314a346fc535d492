# _socket under CPython's socket.py: socketpair, blocking/non-blocking and
# timeouts, a TCP server and client on 127.0.0.1, an AF_UNIX server,
# makefile(), closed-socket and bad-argument errors.
import os, socket, tempfile

a, b = socket.socketpair()
print(type(a).__name__, a.family == socket.AF_UNIX, a.type == socket.SOCK_STREAM, a.family.name, a.type.name)
a.sendall(b"hello")
print(b.recv(10))
b.setblocking(False)
print(b.getblocking(), b.gettimeout())
try:
    b.recv(10)
except BlockingIOError as e:
    print("BlockingIOError", e.errno == 11)
b.settimeout(0.05)
print(b.gettimeout(), b.getblocking())
try:
    b.recv(10)
except TimeoutError as e:
    print("TimeoutError", e, isinstance(e, socket.timeout))
b.settimeout(None)
print(b.gettimeout(), b.getblocking())
with a.makefile("wb") as f:
    f.write(b"via makefile\n")
print(b.makefile("rb").readline())
a.close()
print(b.recv(10), a.fileno())
try:
    a.send(b"x")
except OSError as e:
    print("OSError", e.errno)
b.close()

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen()
host, port = srv.getsockname()
print(host, port > 0, srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
cli = socket.create_connection((host, port))
conn, addr = srv.accept()
print(addr[0], conn.getpeername() == cli.getsockname())
cli.sendall(b"ping")
print(conn.recv(4))
conn.sendall(b"pong")
print(cli.recv(4))
cli.shutdown(socket.SHUT_WR)
print(conn.recv(4))
for s in (cli, conn, srv):
    s.close()
with socket.socket() as s:
    print(s.connect_ex(("127.0.0.1", port)) != 0)

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "sock")
    with socket.socket(socket.AF_UNIX) as us:
        us.bind(path)
        us.listen(1)
        with socket.socket(socket.AF_UNIX) as uc:
            uc.connect(path)
            c2, _ = us.accept()
            uc.sendall(b"unix")
            print(c2.recv(10), us.getsockname() == path)
            c2.close()

print(socket.htons(1), socket.ntohl(socket.htonl(123456)), socket.inet_ntoa(socket.inet_aton("10.0.0.1")))
print(socket.getdefaulttimeout(), isinstance(socket.gethostname(), str))
for bad in (lambda: socket.socket().bind(("127.0.0.1", 70000)), lambda: socket.socket().bind("x"),
            lambda: socket.socket().settimeout(-1), lambda: socket.socketpair()[0].recv(-1)):
    try:
        bad()
    except (OverflowError, TypeError, ValueError) as e:
        print(type(e).__name__)
