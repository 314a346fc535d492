import os, tempfile
p = os.path.join(tempfile.gettempdir(), "trib_errors_lang_closed_%d.txt" % os.getpid())
with open(p, "w") as f:
    f.write("abc\n")
print(f.closed)
try:
    f.write("more")
except ValueError as e:
    print("ValueError:", e)
os.remove(p)
f.read()
