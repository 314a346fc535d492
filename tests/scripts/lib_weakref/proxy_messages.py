# Weak proxies: CPython's error messages, for live proxies (unhashable,
# missing protocol methods, constructor arguments) and for proxies whose
# referent died (ReferenceError on every operation but repr). Tributary's
# collector frees an object at gc.collect() or later (a stale word may keep
# one alive), so the dead proxies are picked by a parallel weakref.ref.
import gc
import weakref


class C:
    def __init__(self):
        self.x = 1

    def __call__(self, a):
        return a

    def __len__(self):
        return 3

    def __iter__(self):
        return iter([1, 2])

    def __index__(self):
        return 0


class D:
    pass


def attempt(label, f):
    try:
        r = f()
        print(label, "->", r)
    except Exception as e:
        print(label, type(e).__name__, e)


c = C()
d = D()
p = weakref.proxy(c)
q = weakref.proxy(d)
attempt("hash p", lambda: hash(p))
attempt("hash q", lambda: hash(q))
attempt("{p}", lambda: {p})
attempt("{q: 1}", lambda: {q: 1})
attempt("type p", lambda: type(p).__name__)
attempt("type q", lambda: type(q).__name__)
attempt("len q", lambda: len(q))
attempt("call q", lambda: q(1))
attempt("iter q", lambda: iter(q))
attempt("next q", lambda: next(q))
attempt("q + 1", lambda: q + 1)
attempt("q < 1", lambda: q < 1)
attempt("q[0]", lambda: q[0])
attempt("q.y", lambda: q.y)
attempt("bool q", lambda: bool(q))
attempt("p(5)", lambda: p(5))
attempt("len p", lambda: len(p))
attempt("proxy of int", lambda: weakref.proxy(1))
attempt("proxy of proxy", lambda: type(weakref.proxy(p)).__name__)
attempt("ref of proxy", lambda: weakref.ref(p))
attempt("proxy kw", lambda: weakref.proxy(c, callback=None))
attempt("proxy no args", lambda: weakref.proxy())
attempt("proxy 3 args", lambda: weakref.proxy(c, None, 1))
attempt("repr", lambda: repr(p).startswith("<weakproxy at "))
# A live proxy forwards __index__, __bytes__ and divmod to its referent.
for label, f in [("[1, 2][p]", lambda: [1, 2][p]), ("'ab'[p]", lambda: "ab"[p]), ("range(5)[p]", lambda: range(5)[p]),
                 ("(7, 8)[p]", lambda: (7, 8)[p]), ("b'ab'[p]", lambda: b"ab"[p]), ("hex(p)", lambda: hex(p)),
                 ("bytes(p)", lambda: bytes(p)), ("divmod(p, 1)", lambda: divmod(p, 1)), ("divmod(1, p)", lambda: divmod(1, p)),
                 ("divmod(q, 1)", lambda: divmod(q, 1)), ("'%d' % p", lambda: "%d" % p),
                 ("bytes(q)", lambda: bytes(q)), ("reversed(q)", lambda: reversed(q))]:
    attempt(label, f)

N = 50
keep = []


def make():
    for _ in range(N):
        o = C()
        keep.append((weakref.proxy(o), weakref.ref(o)))


make()
for _ in range(3):
    gc.collect()
dead = [px for px, r in keep if r() is None]
print("most died:", len(dead) > N // 2)
px = dead[0]


def iadd():
    global px
    px += 1


for label, f in [
    ("x", lambda: px.x),
    ("call", lambda: px(1)),
    ("len", lambda: len(px)),
    ("str", lambda: str(px)),
    ("hash", lambda: hash(px)),
    ("bool", lambda: bool(px)),
    ("add", lambda: px + 1),
    ("radd", lambda: 1 + px),
    ("eq", lambda: px == 1),
    ("lt", lambda: px < 1),
    ("iter", lambda: iter(px)),
    ("setattr", lambda: setattr(px, "x", 2)),
    ("delattr", lambda: delattr(px, "x")),
    ("getitem", lambda: px[0]),
    ("contains", lambda: 1 in px),
    ("neg", lambda: -px),
    ("int", lambda: int(px)),
    ("bytes", lambda: bytes(px)),
    ("dir", lambda: dir(px)),
    ("index", lambda: [1][px]),
    ("iadd", iadd),
]:
    attempt("dead " + label, f)
print(repr(px).startswith("<weakproxy at ") and "dead" in repr(px))
