# Cells, free variables and deletions in hot loops are recorded, not aborted:
# LOAD_DEREF/STORE_DEREF/LOAD_CLOSURE/DELETE_DEREF, DELETE_FAST, DELETE_SUBSCR,
# DELETE_ATTR, SET_UPDATE, LIST_TO_TUPLE, LOAD_ASSERTION_ERROR. An unbound cell
# read leaves the trace and raises NameError in the interpreter.
# jit-expect: aborts.UnsupportedOpcode==0 loops>=3


def make_counter():
    n = 0

    def inc(k):
        nonlocal n
        n += k
        return n

    return inc


def cells(m):
    base = 3
    total = 0

    def add(x):
        return x + base

    for i in range(m):
        total += add(i)
        if i % 7 == 0:
            base += 1
    c = make_counter()
    for i in range(m):
        c(i)
    return total, base, c(0)


def deletes(m):
    total = 0
    for i in range(m):
        d = {i: i, i + 1: i}
        del d[i]
        s = set()
        s.update([i, i + 1])
        t = (*[i, total % 5],)
        x = i * 2
        del x
        total += len(d) + len(s) + t[1]
    return total


class A:
    pass


def attrs(m):
    a = A()
    acc = 0
    for i in range(m):
        a.x = i
        acc += a.x
        del a.x
        acc += hasattr(a, "x")
    return acc


def late_binding(m):
    seen = []
    for i in range(m):
        if i == m - 3:
            del z

            def g():
                return z

            try:
                g()
            except NameError as e:
                seen.append(str(e))
        z = i
    return seen


def asserts(m):
    n = 0
    for i in range(m):
        assert i >= 0, "negative"
        n += 1
    try:
        for i in range(m):
            assert i < m - 5, "big"
    except AssertionError as e:
        return n, str(e)


print(cells(1000))
print(deletes(500))
print(attrs(500))
print(late_binding(50))
print(asserts(300))
