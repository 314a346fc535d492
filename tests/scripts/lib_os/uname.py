# os.uname(): a named result of five strings, equal to what the system reports.
import os

u = os.uname()
print(type(u).__name__, len(u), u.sysname)
print(all(isinstance(x, str) for x in u))
print(u[0] == u.sysname, u[1] == u.nodename, u[2] == u.release, u[3] == u.version, u[4] == u.machine)
sysname, nodename, release, version, machine = u
print(sysname, machine == u.machine, tuple(u) == (sysname, nodename, release, version, machine))
print(repr(u).startswith("posix.uname_result(sysname='Linux', nodename="))
print(u == os.uname(), isinstance(u, tuple))
try:
    os.uname(1)
except TypeError as e:
    print(e)
try:
    u.sysname = "x"
except AttributeError as e:
    print("AttributeError")
