# Referents that died: CPython frees them at their last reference, Tributary's
# collector at gc.collect() (or later: a stale word may keep one alive), so
# this only checks what holds for both: most callbacks have run after a
# collection, each once, with the dead ref, whose __callback__ is then None;
# the weak containers have dropped most entries; proxies to dead objects raise
# ReferenceError.
import gc
import weakref


class Obj:
    pass


fired = []


def note(ref):
    fired.append(ref)


N = 400
refs = []


def make():
    for i in range(N):
        refs.append(weakref.ref(Obj(), note))


make()
for _ in range(3):
    gc.collect()
weakref.ref(Obj())  # (any weakref operation also runs pending callbacks)
print("most callbacks ran:", len(fired) >= N // 2, "none twice:", len(set(map(id, fired))) == len(fired))
print("dead refs:", all(r() is None for r in fired), all(r.__callback__ is None for r in fired))
print("callbacks got their refs:", all(any(r is f for r in refs) for f in fired[:20]))

wv = weakref.WeakValueDictionary()
ws = weakref.WeakSet()
wk = weakref.WeakKeyDictionary()


def fill():
    for i in range(N):
        o = Obj()
        wv[i] = o
        ws.add(o)
        wk[o] = i


fill()
for _ in range(3):
    gc.collect()
print("weak containers emptied:", len(wv) < N // 2, len(ws) < N // 2, len(wk) < N // 2)
print("values left alive:", all(isinstance(v, Obj) for v in wv.values()))

proxies = []


def make_proxies():
    for i in range(N):
        proxies.append(weakref.proxy(Obj()))


make_proxies()
for _ in range(3):
    gc.collect()
dead = 0
for p in proxies:
    try:
        p.anything
    except ReferenceError as e:
        dead += 1
        msg = str(e)
    except AttributeError:
        pass
print("most proxies dead:", dead >= N // 2, msg)


print("end")
