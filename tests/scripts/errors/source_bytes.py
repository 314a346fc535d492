# Null bytes in source: strings given to exec/compile/eval and imported files
# (compiled from their bytes, as importlib does) raise SyntaxError.
import os
import sys
import tempfile

tmp = os.path.join(tempfile.gettempdir(), "trib_source_bytes_%d" % os.getpid())
os.mkdir(tmp)
sys.path.insert(0, tmp)


def write(name, data):
    with open(os.path.join(tmp, name + ".py"), "wb") as f:
        f.write(data)


def try_import(name):
    try:
        exec("import " + name, {})
        print(name, "imported")
    except SyntaxError as e:
        print(name, type(e).__name__, e.msg)


write("good_utf8", b"x = 'caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80'\nprint(x)\n")
write("nul_byte", b"x = 1\ny = 2\x00\n")
write("nul_in_comment", b"x = 1\n# \x00\n")
for name in ["good_utf8", "nul_byte", "nul_in_comment"]:
    try_import(name)

for src in ["x = 1\0", "\0", "# \0\nx = 1"]:
    for fn in (exec, eval, lambda s: compile(s, "f", "exec")):
        try:
            fn(src)
            print("ok")
        except SyntaxError as e:
            print(type(e).__name__, e)
for name in os.listdir(tmp):
    os.remove(os.path.join(tmp, name))
os.rmdir(tmp)
exec("print('before')\0")
