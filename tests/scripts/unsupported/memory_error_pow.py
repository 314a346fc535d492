# Powers and factorials too large for memory raise MemoryError at once.
# CPython 3.11 computes them until malloc fails (minutes, gigabytes), so the
# expectation is hand-written: MemoryError, as CPython ends.
import math


def attempt(label, fn):
    try:
        fn()
        print(label, "ok")
    except MemoryError as e:
        print(label, type(e).__name__, e)


attempt("pow", lambda: 3 ** (10**12))
attempt("pow big base", lambda: (10**30) ** (2**40))
attempt("pow huge exp", lambda: 2 ** (2**70))
attempt("neg base", lambda: (-7) ** (2**50))
attempt("factorial", lambda: math.factorial(10**11))
attempt("perm", lambda: math.perm(10**11))
attempt("small ok", lambda: print((-1) ** (2**70), 1 ** (2**70), 0 ** (2**70), len(str(7**100))))
print(2 ** (2**40))
