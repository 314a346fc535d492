# repr, str and == of deeply nested containers raise RecursionError (as CPython's
# recursion guards do) instead of recursing without bound.


def nest(depth, wrap):
    x = wrap(None)
    for _ in range(depth):
        x = wrap(x)
    return x


def attempt(label, fn):
    try:
        r = fn()
        print(label, "ok", r)
    except RecursionError as e:
        print(label, "RecursionError", e)


for depth in (50, 100000):
    lst = nest(depth, lambda x: [x])
    lst2 = nest(depth, lambda x: [x])
    tup = nest(depth, lambda x: (x,))
    dct = nest(depth, lambda x: {"k": x})
    dct2 = nest(depth, lambda x: {"k": x})
    fs = nest(depth, lambda x: frozenset([x]))
    attempt("repr list %d" % depth, lambda: len(repr(lst)))
    attempt("str list %d" % depth, lambda: len(str(lst)))
    attempt("repr tuple %d" % depth, lambda: len(repr(tup)))
    attempt("repr dict %d" % depth, lambda: len(repr(dct)))
    attempt("repr frozenset %d" % depth, lambda: len(repr(fs)))
    attempt("format list %d" % depth, lambda: len("%s" % [lst]))
    attempt("f-string list %d" % depth, lambda: len(f"{lst}"))
    attempt("== list %d" % depth, lambda: lst == lst2)
    attempt("< list %d" % depth, lambda: lst < lst2)
    attempt("== dict %d" % depth, lambda: dct == dct2)
    attempt("in list %d" % depth, lambda: lst2 in [lst])
    attempt("identity %d" % depth, lambda: lst == lst)

# Self-reference still prints [...], and the guard leaves no depth behind.
a = [1]
a.append(a)
d = {}
d["self"] = d
print(a, d)


def recurse(n):
    return 0 if n == 0 else 1 + recurse(n - 1)


print(recurse(900))
print(repr(nest(100000, lambda x: [x])))
