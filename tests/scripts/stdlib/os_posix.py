# CPython's os.py, posixpath, shutil and tempfile over Tributary's posix module:
# environ, walk, scandir, copies, fds, symlinks, errors, temporary files.
import os, shutil, tempfile, stat, sys
print(os.name, os.sep, os.pathsep, os.linesep == "\n", os.path.__name__, os.path is sys.modules['os.path'])
print(callable(os.fspath), os.fsencode("a/b"), os.fsdecode(b"a/b"))
os.environ["TRIB_TEST_VAR"] = "v1"
print(os.environ["TRIB_TEST_VAR"], os.getenv("TRIB_TEST_VAR"), os.environb[b"TRIB_TEST_VAR"])
del os.environ["TRIB_TEST_VAR"]
print(os.getenv("TRIB_TEST_VAR", "gone"), "TRIB_TEST_VAR" in os.environ)
base = tempfile.mkdtemp(prefix="trib")
print(os.path.isdir(base), os.path.basename(base).startswith("trib"))
os.makedirs(os.path.join(base, "a", "b"))
os.makedirs(os.path.join(base, "a", "b"), exist_ok=True)
for name in ("a/x.txt", "a/b/y.txt", "z.bin"):
    with open(os.path.join(base, name), "w") as f:
        f.write(name * 3)
for root, dirs, files in os.walk(base):
    dirs.sort()
    print(os.path.relpath(root, base), sorted(dirs), sorted(files))
with os.scandir(base) as it:
    entries = sorted(it, key=lambda e: e.name)
print([(e.name, e.is_dir(), e.is_file(), e.is_symlink()) for e in entries], repr(entries[0]))
print(os.stat(os.path.join(base, "z.bin")).st_size, stat.S_ISDIR(os.stat(base).st_mode), os.path.getsize(os.path.join(base, "a/x.txt")))
shutil.copy(os.path.join(base, "z.bin"), os.path.join(base, "copy.bin"))
shutil.copytree(os.path.join(base, "a"), os.path.join(base, "a2"))
print(sorted(os.listdir(base)), sorted(os.listdir(os.path.join(base, "a2"))))
os.rename(os.path.join(base, "copy.bin"), os.path.join(base, "moved.bin"))
os.replace(os.path.join(base, "moved.bin"), os.path.join(base, "z2.bin"))
os.symlink(os.path.join(base, "z.bin"), os.path.join(base, "link"))
print(os.path.islink(os.path.join(base, "link")), os.readlink(os.path.join(base, "link")) == os.path.join(base, "z.bin"))
print(os.path.realpath(os.path.join(base, "link")) == os.path.realpath(os.path.join(base, "z.bin")))
fd = os.open(os.path.join(base, "raw"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
print(os.write(fd, b"hello world"), os.close(fd))
fd = os.open(os.path.join(base, "raw"), os.O_RDONLY)
print(os.read(fd, 5), os.lseek(fd, 6, os.SEEK_SET), os.read(fd, 100), os.read(fd, 10))
os.close(fd)
print(os.access(base, os.W_OK), os.access(os.path.join(base, "nope"), os.F_OK))
try:
    os.stat(os.path.join(base, "nope"))
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.strerror)
try:
    os.rmdir(os.path.join(base, "a"))
except OSError as e:
    print(type(e).__name__, e.errno)
with tempfile.TemporaryDirectory() as d:
    print(os.path.isdir(d))
print(os.path.exists(d))
shutil.rmtree(base)
print(os.path.exists(base))
print(os.path.splitext("a/b.tar.gz"), os.path.normpath("a//b/../c/."), os.path.commonprefix(["/usr/lib", "/usr/local"]))
print(os.path.expanduser("~") == os.environ["HOME"], os.path.relpath("/a/b/c", "/a"), os.path.split("/x/y"))
print(shutil.which("sh") is not None, type(os.cpu_count()).__name__, os.getpid() > 0, os.getuid() >= 0)
print(os.terminal_size((80, 24)), os.strerror(2))
try:
    os.terminal_size((1, 2, 3))
except TypeError as e:
    print(e)
with tempfile.NamedTemporaryFile("w+", suffix=".txt") as tf:
    tf.write("named"); tf.flush(); tf.seek(0)
    print(tf.read(), tf.name.endswith(".txt"), os.path.exists(tf.name))
print(os.path.exists(tf.name))
fd, path = tempfile.mkstemp()
with open(fd, "w") as f:
    f.write("via fd")
with open(path) as f:
    print(f.read())
os.unlink(path)
