# select.select and select.poll on pipes, and selectors on top of them.
import os, select, selectors

r, w = os.pipe()
print(select.select([r], [w], [], 0))
os.write(w, b"x")
print(select.select([r], [], [], 0.0), select.select([r], [], [])[0])
class F:
    def __init__(self, fd): self.fd = fd
    def fileno(self): return self.fd
fr = F(r)
print(select.select([fr], [], [], 0)[0][0] is fr)
os.read(r, 1)
print(select.select([r], [], [], 0.01))

p = select.poll()
p.register(r, select.POLLIN)
p.register(w)
print(sorted(p.poll(0)))
os.write(w, b"yz")
print(sorted(p.poll(10)))
p.modify(w, select.POLLIN)
print(sorted(p.poll()))
p.unregister(w)
print(p.poll(), os.read(r, 2), p.poll(0))
try:
    p.unregister(w)
except KeyError as e:
    print("KeyError", e.args == (w,))
try:
    p.modify(12345, select.POLLIN)
except OSError as e:
    print(type(e).__name__, e.errno)
for bad in (["x"], [-1]):
    try:
        select.select(bad, [], [], 0)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    select.select([], [], [], -1)
except ValueError as e:
    print("ValueError", e)
print(select.error is OSError, select.POLLIN, select.POLLOUT, select.POLLHUP)

sel = selectors.DefaultSelector()
print(type(sel).__name__ in ("PollSelector", "EpollSelector"))
sel.register(r, selectors.EVENT_READ, data="reader")
print(sel.select(timeout=0))
os.write(w, b"!")
events = sel.select(timeout=1)
print([(key.fd == r, key.data, mask) for key, mask in events])
os.close(w)
os.read(r, 1)
print([key.data for key, mask in sel.select(timeout=1)], os.read(r, 1))
sel.unregister(r)
sel.close()
os.close(r)
