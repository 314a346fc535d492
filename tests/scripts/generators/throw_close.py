def worker():
    try:
        while True:
            try:
                x = yield
                print("got", x)
            except ValueError as e:
                print("handled", e)
    finally:
        print("cleanup")
w = worker()
next(w)
w.send(1)
w.throw(ValueError("bad"))
w.send(2)
w.close()
print("closed")
try:
    w.send(3)
except StopIteration:
    print("stopped after close")
def g():
    yield 1
    yield 2
it = g()
next(it)
try:
    it.throw(KeyError, "k")
except KeyError as e:
    print("KeyError:", e)
print(list(it))
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("ignoring exit")
    yield 2
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
fresh = g()
fresh.close()
print(list(fresh))
t = g()
try:
    t.throw(IndexError("early"))
except IndexError as e:
    print("IndexError:", e)
print(list(t))
