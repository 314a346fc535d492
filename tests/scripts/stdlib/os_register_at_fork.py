# os.register_at_fork: hooks run around os.fork (before: last registered
# first; after: in registration order), and random.py reseeds its generator
# in the child so parent and child do not draw the same numbers.
import os, random, sys

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

attempt(lambda: os.register_at_fork())
attempt(lambda: os.register_at_fork(before=1))
attempt(lambda: os.register_at_fork(after_in_child=None))
attempt(lambda: os.register_at_fork(print))

log = []
os.register_at_fork(before=lambda: log.append("before 1"), after_in_parent=lambda: log.append("parent 1"))
os.register_at_fork(before=lambda: log.append("before 2"), after_in_parent=lambda: log.append("parent 2"),
                    after_in_child=lambda: log.append("child 2"))
os.register_at_fork(after_in_child=lambda: log.append("child 3"))

random.seed(42)
r, w = os.pipe()
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.close(r)
    os.write(w, (repr(random.random()) + "|" + ",".join(log)).encode())
    os._exit(0)
os.close(w)
data = b""
while chunk := os.read(r, 4096):
    data += chunk
os.close(r)
os.waitpid(pid, 0)
child_random, child_log = data.decode().split("|")
print("parent:", log)
print("child:", child_log.split(","))
print("child reseeded:", float(child_random) != random.random())
