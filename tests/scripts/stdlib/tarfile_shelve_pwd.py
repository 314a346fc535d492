# tarfile (gzip, members read through BufferedReader over a raw object
# without readall), shelve/dbm, pwd and grp, copy of __slots__ classes
# (object.__getstate__'s (dict, slots) state; __slots__ given as a dict).
import copy, grp, io, os, pickle, pwd, shelve, tarfile, tempfile

buf = io.BytesIO()
with tarfile.open(fileobj=buf, mode="w:gz") as t:
    for name, data in [("a.txt", b"hello"), ("dir/b.bin", bytes(range(10)) * 100)]:
        info = tarfile.TarInfo(name)
        info.size = len(data)
        info.mtime = 1700000000
        t.addfile(info, io.BytesIO(data))
buf.seek(0)
with tarfile.open(fileobj=buf) as t:
    print(t.getnames(), [m.size for m in t.getmembers()], t.extractfile("a.txt").read())
    print(len(t.extractfile("dir/b.bin").read()), t.getmember("a.txt").mtime)
    with tempfile.TemporaryDirectory() as d:
        t.extractall(d)
        print(sorted(os.listdir(d)), open(os.path.join(d, "a.txt"), "rb").read())

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "store")
    with shelve.open(path) as s:
        s["k"] = [1, 2, {"x": 3}]
        s["n"] = "text"
    with shelve.open(path) as s:
        print(sorted(s.keys()), s["k"], "n" in s, s.get("missing"))

print(pwd.getpwuid(0).pw_name, pwd.getpwnam("root").pw_uid, pwd.getpwuid(0)[5], type(pwd.getpwall()).__name__)
print(grp.getgrgid(0).gr_name, grp.getgrnam("root").gr_gid, isinstance(grp.getgrgid(0).gr_mem, list))
for bad in (lambda: pwd.getpwuid(2**31 - 5), lambda: pwd.getpwnam("no-such-user-xyz"), lambda: grp.getgrnam("no-such-group-xyz")):
    try:
        bad()
    except KeyError as e:
        print("KeyError", e)
try:
    pwd.getpwnam(5)
except TypeError as e:
    print("TypeError", e)

class Slotted:
    __slots__ = dict(name="the name", size="the size")
    def __init__(self):
        self.name, self.size = "n", 3
class Mixed(Slotted):
    pass
s = Slotted()
print(Slotted.__slots__, hasattr(s, "__dict__"), s.__getstate__())
c = copy.copy(s)
print(c.name, c.size, copy.deepcopy(s).size, pickle.loads(pickle.dumps(s)).name)
m = Mixed(); m.extra = [1]
print(m.__getstate__(), copy.copy(m).extra, pickle.loads(pickle.dumps(m)).size)
