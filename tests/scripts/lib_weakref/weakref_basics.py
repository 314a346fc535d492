# weakref: what behaves the same under CPython's reference counting and
# Tributary's collector (Boehm): refs and proxies while the referent is alive,
# callbacks stored, finalize called explicitly, detached, and at exit, the weak
# containers while their items are referenced. (When a dead referent's
# callbacks run differs: CPython at the last reference, Tributary after a
# collection; nothing here depends on it.)
import weakref


class A:
    def __init__(self, n):
        self.n = n

    def hello(self, x=0):
        return "hi %d" % (self.n + x)

    def __repr__(self):
        return "A(%d)" % self.n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        return i * self.n

    def __add__(self, o):
        return A(self.n + (o.n if isinstance(o, A) else o))

    def __radd__(self, o):
        return A(self.n + o)

    def __eq__(self, o):
        return isinstance(o, A) and o.n == self.n

    def __lt__(self, o):
        return self.n < o.n

    __hash__ = object.__hash__

    def __call__(self, *a, **k):
        return ("called", a, k)


a = A(3)
r = weakref.ref(a)
print(r() is a, r().n, r == weakref.ref(a), r != weakref.ref(a), hash(r) == hash(a))
print(type(r).__name__, type(r) is weakref.ReferenceType, isinstance(r, weakref.ref))


def cb(ref):
    print("callback")


r2 = weakref.ref(a, cb)
print(r2.__callback__ is cb, r2() is a, r.__callback__, r2 == r)

# Values that take no weak reference.
for v in (1, "s", (1,), [1], {1: 2}, b"x", None, 1.5):
    try:
        weakref.ref(v)
    except TypeError as e:
        print("TypeError:", e)
for bad in ((), (a, cb, 1)):
    try:
        weakref.ref(*bad)
    except TypeError as e:
        print("TypeError:", e)

# Proxies forward attributes, operators and protocols to the referent.
p = weakref.proxy(a)
print(type(p).__name__, type(p) is weakref.CallableProxyType, repr(p).startswith("<weakproxy at "))
print(p.n, p.hello(), p.hello(x=2), len(p), p[4], p + 1, 1 + p, p + p, p == a, p == A(3), p < A(4))
print(str(p), p(1, k=2), bool(p), callable(p))
p.n = 5
print(a.n, p.n)
p.extra = "e"
print(a.extra)
del p.extra
print(hasattr(a, "extra"), hasattr(p, "nope"), getattr(p, "nope", "dflt"))
try:
    p.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    hash(p)
except TypeError as e:
    print("TypeError:", e)


class Plain:
    pass


pl = Plain()
pp = weakref.proxy(pl)
print(type(pp).__name__, callable(pp), type(pp) is weakref.ProxyType)
lst = A(2)
lp = weakref.proxy(lst, cb)
held = {7}
sp = weakref.proxy(held)
print(list(iter(sp)), 7 in sp, len(sp), sp == {7}, sp | {8})
it = (x for x in [1, 2])
ip = weakref.proxy(it)
print(next(ip), list(ip))
try:
    next(sp)
except TypeError as e:
    print("TypeError:", e)
for bad in ((), (a, cb, 1)):
    try:
        weakref.proxy(*bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    weakref.proxy(5)
except TypeError as e:
    print("TypeError:", e)

# Weak containers while their items are referenced.
objs = [A(i) for i in range(4)]
wv = weakref.WeakValueDictionary()
for o in objs:
    wv[o.n] = o
print(len(wv), sorted(wv.keys()), wv[2], wv.get(9), 1 in wv, sorted(wv.values(), key=lambda o: o.n))
del wv[1]
print(len(wv), sorted(k for k, v in wv.items()))
wk = weakref.WeakKeyDictionary()
for o in objs:
    wk[o] = o.n * 10
print(len(wk), wk[objs[2]], objs[3] in wk, sorted(wk.values()))
ws = weakref.WeakSet(objs[:3])
ws.add(objs[3])
print(len(ws), objs[0] in ws, A(99) in ws, sorted(o.n for o in ws))
ws.discard(objs[0])
print(len(ws), objs[0] in ws)

# WeakMethod and finalize.
m = weakref.WeakMethod(a.hello)
print(m()(), m() == a.hello, type(m).__name__)
f = weakref.finalize(a, print, "finalized", 1)
print(f.alive, f.peek()[1:], f.atexit)
print(f(), f.alive, f(), f.peek())
g = weakref.finalize(a, print, "at exit")
h = weakref.finalize(a, print, "detached")
print(h.detach()[1:], h.alive, h.detach())
k = weakref.finalize(objs[0], lambda: print("no atexit"))
k.atexit = False
b = A(7)
r1 = weakref.ref(b)
rc = weakref.ref(b, cb)
pb = weakref.proxy(b)
pc = weakref.proxy(b, cb)
print(r1 is weakref.ref(b), r1 is weakref.ref(b, None), rc is r1, pb is weakref.proxy(b), pb is pc)
print(weakref.getweakrefcount(b), sorted(type(w).__name__ for w in weakref.getweakrefs(b)))
print(weakref.getweakrefcount(1), weakref.getweakrefs("x"), isinstance(p, A), isinstance(pp, Plain), isinstance(pp, A))
import types
bm = types.MethodType(A.hello, a)
print(bm(), bm.__self__ is a)
try:
    types.MethodType(1, a)
except TypeError as e:
    print("TypeError:", e)
print("end")
for bad in (lambda: weakref.proxy(p), lambda: weakref.ref(pp), lambda: weakref.proxy(1)):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
