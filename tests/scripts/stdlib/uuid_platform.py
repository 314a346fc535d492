# uuid (parsing, uuid3/4/5 over hashlib and os.urandom) and platform (sys.executable,
# os.uname).
import uuid, platform
u = uuid.UUID("12345678-1234-5678-1234-567812345678")
print(u, u.hex, u.int, u.version, u.bytes[:4], uuid.UUID(bytes=u.bytes) == u, repr(u))
print(uuid.uuid3(uuid.NAMESPACE_DNS, "python.org"), uuid.uuid5(uuid.NAMESPACE_URL, "http://x"), uuid.uuid4().version, len(str(uuid.uuid4())))
print(platform.system(), platform.machine() != "", platform.python_implementation() in ("CPython", "Tributary"))
print(len(__import__("os").urandom(7)), __import__("os").uname().sysname)
