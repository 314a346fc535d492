# try/except* (PEP 654): splitting a group between clauses, naked exceptions
# wrapped, what leaves the statement (unhandled rest, re-raised parts keeping
# the original nesting, new exceptions grouped with them), sys.exc_info()
# inside the handlers, else/finally, nesting, loops, generators, and the
# TypeErrors of invalid clause types.
import sys
def show(label, f):
    try:
        f()
        print(label, "-> no exception")
    except BaseException as e:
        print(label, "->", type(e).__name__, repr(e), getattr(e, "exceptions", None))

def t1():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError as e:
        print("  VE handler:", repr(e), repr(sys.exc_info()[1]), e is sys.exc_info()[1])
    except* TypeError as e:
        print("  TE handler:", repr(e))
show("t1", t1)

def t2():
    try:
        raise ValueError("naked")
    except* ValueError as e:
        print("  naked handler:", repr(e), e.exceptions[0].__traceback__ is not None)
show("t2", t2)

def t3():
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
    except* ValueError:
        print("  handled VE")
show("t3", t3)

def t4():
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
    except* ValueError:
        raise
show("t4", t4)

def t5():
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
    except* ValueError:
        raise RuntimeError("new")
show("t5", t5)

def t6():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise
show("t6", t6)

def t7():
    try:
        raise ValueError("naked")
    except* TypeError:
        pass
show("t7", t7)

def t8():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise KeyError("k")
show("t8", t8)

def t9():
    try:
        raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [ValueError(2), TypeError(3)])])
    except* ValueError as e:
        print("  nested:", repr(e))
show("t9", t9)

def t10():
    try:
        pass
    except* ValueError:
        print("no")
    else:
        print("  else ran")
    finally:
        print("  finally ran")
show("t10", t10)

def t11():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* (ValueError, TypeError) as e:
        print("  tuple:", repr(e))
show("t11", t11)

def t12():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("a")
    except* TypeError:
        raise KeyError("b")
show("t12", t12)

def t13():
    try:
        raise ValueError(1)
    except* ExceptionGroup:
        pass
show("t13", t13)

def t14():
    try:
        raise ValueError(1)
    except* 42:
        pass
show("t14", t14)
def t15():
    for i in range(3):
        try:
            raise ExceptionGroup("eg", [ValueError(i)])
        except* ValueError as e:
            print("  loop", i, e.exceptions[0])
    print("  e bound?", "e" in dir())
show("t15", t15)
def t16():
    try:
        try:
            raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
        except* ValueError:
            print("  inner")
    except* TypeError as e:
        print("  outer got", repr(e))
show("t16", t16)
def t17():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        print("  ctx", repr(sys.exc_info()[1]))
        try:
            raise KeyError(5)
        except KeyError as k:
            print("  inner ctx", repr(k.__context__))
    print("  after:", sys.exc_info())
show("t17", t17)


def t18():
    def gen():
        for i in range(3):
            try:
                yield i
                raise ExceptionGroup("g", [ValueError(i), KeyError(i)])
            except* ValueError as e:
                yield ("caught", e.exceptions[0].args[0])
            except* KeyError:
                yield "key"
    print("  gen:", list(gen()))
show("t18", t18)

def t19():
    def inner():
        try:
            raise ExceptionGroup("g", [OSError("disk"), ValueError("v")])
        except* OSError as e:
            return_value = e
        return "returned after except*"
    try:
        print(" ", inner())
    except* ValueError as e:
        print("  outer caught", repr(e))
show("t19", t19)

def t20():
    total = 0
    for i in range(200):
        try:
            if i % 3 == 0:
                raise ExceptionGroup("loop", [ValueError(i)] + [TypeError(i)] * (i % 2))
            total += i
        except* ValueError as e:
            total += 1000
        except* TypeError as e:
            total -= len(e.exceptions)
    print("  total", total)
show("t20", t20)

def t21():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        for k in range(3):
            if k == 1:
                break
        print("  loop in handler ok", k)
    finally:
        print("  finally after except*")
show("t21", t21)

def t22():
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyboardInterrupt()])
    except* KeyboardInterrupt:
        print("  base exceptions caught too")
show("t22", t22)

def t23():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        raise TypeError("from handler") from None
show("t23", t23)

def t24():
    class Ctx:
        def __enter__(self): return self
        def __exit__(self, *a):
            print("  exit sees", a[0].__name__ if a[0] else None)
            return False
    try:
        with Ctx():
            raise ExceptionGroup("w", [ValueError("in with")])
    except* ValueError as e:
        print("  caught", repr(e))
show("t24", t24)
