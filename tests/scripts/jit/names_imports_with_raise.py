# Opcodes recorded as residual calls or ending the path: class-body and exec()
# names, imports inside hot code, `del` of a global, `with` blocks, `raise`
# and `except` blocks around inner loops. Each loop below gets hot enough to
# be traced under eager thresholds and under the default ones.
# jit-expect: aborts.UnsupportedOpcode==0 loops>=4

class Table:
    # LOAD_NAME / STORE_NAME in a class body loop
    total = 0
    for i in range(3000):
        total = total + i % 7
    del i
print(Table.total)

ns = {}
exec("acc = 0\nfor k in range(2500):\n    acc += k * 3\n    last = k\ndel last\n", {}, ns)
print(sorted(ns.items()))

def use_imports(n):
    s = 0.0
    for k in range(n):
        import math
        from math import sqrt
        s += sqrt(k) + math.floor(k / 3)
    return s
print(round(use_imports(3000), 6))

counter = 0
def churn_global(n):
    global scratch, counter
    for k in range(n):
        scratch = k
        counter += scratch
        del scratch
    return counter
print(churn_global(3000), "scratch" in globals())

class Guarded:
    def __init__(self):
        self.depth = 0
        self.entered = 0
    def __enter__(self):
        self.depth += 1
        self.entered += 1
        return self
    def __exit__(self, typ, exc, tb):
        self.depth -= 1
        return typ is KeyError  # swallow KeyError only

def with_loop(n):
    g = Guarded()
    s = 0
    for k in range(n):
        with g as h:
            s += h.depth + k
            if k % 97 == 0:
                raise KeyError(k)
    return s, g.depth, g.entered
print(with_loop(4000))

class Empty(Exception):
    pass

def pop(stack):
    if not stack:
        raise Empty("empty stack")
    return stack.pop()

def raise_loop(n):
    total = 0
    for i in range(n):
        st = [i, i + 1] if i % 3 else []
        try:
            total += pop(st)
        except Empty as e:
            total -= len(str(e))
    return total
print(raise_loop(5000))

def handler_with_loop(n):
    out = 0
    for r in range(n):
        try:
            if r % 2:
                raise ValueError(r)
            out += 1
        except ValueError as e:
            for j in range(40):  # an inner loop inside the handler
                out += j % 3
        try:
            raise
        except RuntimeError:
            out += 2  # bare raise with nothing handled
    return out
print(handler_with_loop(600))

def always_fails(x):
    if x >= 0:
        raise ValueError("bad %d" % x)
    return x

def call_failing(n):
    bad = 0
    for k in range(n):
        try:
            always_fails(k)
        except ValueError as e:
            bad += len(e.args[0])
    return bad
print(call_failing(3000))
