# atexit: callbacks run last-registered first when the program ends, with
# their arguments; unregister; an exception in one is reported on stderr
# and the others still run.
import atexit


def bye(who, punct="!"):
    print("bye", who, punct)


def boom():
    raise ValueError("in exit")


atexit.register(bye, "first")
atexit.register(boom)
f = atexit.register(bye, "second", punct="?")
atexit.register(print, "unregistered")
atexit.unregister(print)
print(f is bye)
try:
    atexit.register(3)
except TypeError as e:
    print(e)
print("main done")
