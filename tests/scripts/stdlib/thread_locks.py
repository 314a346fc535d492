# _thread for one thread: locks as context managers, RLock counting, errors;
# reprlib (which imports _thread.get_ident) on recursive structures.
import _thread
import reprlib

lock = _thread.allocate_lock()
print(type(lock).__name__, lock.locked(), lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(timeout=0.01))
lock.release()
with lock:
    print("inside", lock.locked())
print("after", lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError", e)
try:
    lock.acquire(False, 1)
except ValueError as e:
    print("ValueError", e)
print(isinstance(lock, _thread.LockType), _thread.error is RuntimeError, _thread.TIMEOUT_MAX > 1e6)

r = _thread.RLock()
with r:
    with r:
        print("nested", r._is_owned(), r._recursion_count())
print(r._is_owned(), r._recursion_count())
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError", e)
print(_thread.get_ident() == _thread.get_ident(), isinstance(_thread.get_ident(), int))

local = _thread._local()
local.x = 5
print(local.x, hasattr(local, "y"))

xs = [1, 2]
xs.append(xs)
print(reprlib.repr(xs), reprlib.repr(list(range(100))), reprlib.repr("x" * 100))


class Tree:
    def __init__(self):
        self.children = [self]

    @reprlib.recursive_repr()
    def __repr__(self):
        return "Tree(" + repr(self.children) + ")"


print(Tree())
